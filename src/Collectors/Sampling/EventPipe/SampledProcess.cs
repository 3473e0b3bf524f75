using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>What the EventPipe sessions of one process of the tree delivered, before it is merged with the others.</summary>
internal sealed record SampledProcess
{
    public required int Pid { get; init; }

    /// <summary>Samples of threads that were running.</summary>
    public IReadOnlyList<TimedStack> Cpu { get; init; } = [];

    /// <summary>Samples of threads that were waiting (ThreadSampleClassifier).</summary>
    public IReadOnlyList<TimedStack> Waiting { get; init; } = [];

    /// <summary>Where locks were contended, most waited-for first.</summary>
    public IReadOnlyList<LockContention> Contentions { get; init; } = [];

    /// <summary>Thread names by kernel thread id, as /proc named them while the process ran.</summary>
    public IReadOnlyDictionary<int, string> ThreadNames { get; init; } = new Dictionary<int, string>();

    public IReadOnlyList<AllocationSite> Allocations { get; init; } = [];

    public IReadOnlyList<RuntimeCounterPoint> Counters { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
