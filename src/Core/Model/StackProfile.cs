namespace RustScope.Core.Model;

/// <summary>Weighted call stacks: the data behind a flamegraph.</summary>
public sealed record StackProfile
{
    /// <summary>What a sample's weight counts: <c>samples</c>, <c>ns</c> or <c>bytes</c>.</summary>
    public string Unit { get => field ?? "samples"; init; }

    /// <summary>The distinct frames; stacks refer to them by index.</summary>
    public required IReadOnlyList<StackFrame> Frames { get; init; }

    /// <summary>The weighted stacks.</summary>
    public required IReadOnlyList<StackSample> Samples { get; init; }

    /// <summary>The names of the threads <see cref="StackSample.Tid"/> refers to, where the source knew them.</summary>
    public IReadOnlyList<StackThread> Threads { get => field ?? []; init; }
}
