namespace RustScope.Core.Model;

/// <summary>Where a type was allocated, estimated from the runtime's allocation sampling.</summary>
public sealed record AllocationSite
{
    /// <summary>The allocated type, e.g. <c>System.Byte[]</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Estimated bytes allocated at this site (sampled events scaled to the whole).</summary>
    public required double Bytes { get; init; }

    /// <summary>Allocation samples seen at this site.</summary>
    public required long Count { get; init; }

    /// <summary>The allocating call stack, root first, leaf (the allocating function) last.</summary>
    public IReadOnlyList<StackFrame> Stack { get => field ?? []; init; }
}
