using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>What one sampling source learned about the target, ready to merge into the session.</summary>
internal sealed record SampledProfile
{
    public IReadOnlyList<FunctionProfile> Functions { get; init; } = [];

    public StackProfile? Stacks { get; init; }

    /// <summary>Stacks of threads that were waiting when sampled; null when the source cannot tell (perf).</summary>
    public StackProfile? WaitStacks { get; init; }

    public IReadOnlyList<LockContention> Contentions { get; init; } = [];

    public IReadOnlyList<AllocationSite> Allocations { get; init; } = [];

    /// <summary>The runtime counter reports of each .NET process sampled.</summary>
    public IReadOnlyList<IReadOnlyList<RuntimeCounterPoint>> Counters { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static SampledProfile Warning(string warning) => new() { Warnings = [warning] };
}
