namespace RustScope.Core.Model;

/// <summary>A notable moment of the session: a memory spike, a CPU spike, a suspected leak.</summary>
public sealed record MemoryEvent
{
    /// <summary>When it happened, Unix epoch milliseconds.</summary>
    public required long Ts { get; init; }

    /// <summary>Kind of event: <c>spike</c>, <c>cpu_spike</c>, <c>leak</c>…</summary>
    public required string Type { get; init; }

    /// <summary>Human-readable description, e.g. <c>Memory spike: +10.0 MB</c>.</summary>
    public required string Location { get; init; }

    /// <summary>Resident memory change that triggered the event, in MB.</summary>
    public double? DeltaMb { get; init; }

    /// <summary>CPU use of the tree when the event fired, % of one core.</summary>
    public double? CpuPct { get; init; }
}
