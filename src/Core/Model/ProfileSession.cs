namespace RustScope.Core.Model;

/// <summary>One profiling session: the document every RustScope command reads or writes.</summary>
/// <remarks>
/// Optional lists read as empty when a file leaves them out: source-generated deserialization assigns init-only
/// properties it did not find (null, 0), so the getters, not initialisers, provide the defaults, here and in the
/// records below.
/// </remarks>
public sealed record ProfileSession
{
    /// <summary>The schema version this document follows; writers always write <see cref="SessionJson.CurrentSchemaVersion"/>.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>What was profiled, where and when.</summary>
    public required SessionMeta Meta { get; init; }

    /// <summary>Whole-session aggregates, with the true peaks seen at full sampling rate.</summary>
    public required SessionSummary Summary { get; init; }

    /// <summary>Process-tree metrics, one entry per second.</summary>
    public IReadOnlyList<Sample> Samples { get => field ?? []; init; }

    /// <summary>Function-level data, sorted by <see cref="FunctionProfile.SelfPct"/> descending.</summary>
    public IReadOnlyList<FunctionProfile> Functions { get => field ?? []; init; }

    /// <summary>CPU and memory spikes and other notable events.</summary>
    public IReadOnlyList<MemoryEvent> MemoryEvents { get => field ?? []; init; }

    /// <summary>Benchmarks with their raw per-iteration samples.</summary>
    public IReadOnlyList<BenchmarkResult> Benchmarks { get => field ?? []; init; }

    /// <summary>Weighted call stacks of threads running on a CPU, for flamegraphs, when function sampling ran.</summary>
    public StackProfile? Stacks { get; init; }

    /// <summary>
    /// Weighted call stacks of threads that were waiting when sampled (blocked on a lock, sleeping, in a wait or
    /// blocking I/O), kept apart from <see cref="Stacks"/> so CPU shares stay shares of running time; null when the
    /// sampler cannot tell waiting from running (perf samples only threads on a CPU).
    /// </summary>
    public StackProfile? WaitStacks { get; init; }

    /// <summary>Contended locks by total wait time, longest first, when .NET sampling ran.</summary>
    public IReadOnlyList<LockContention> Contentions { get => field ?? []; init; }

    /// <summary>Allocation sites by estimated bytes, largest first, when allocation sampling ran (.NET targets).</summary>
    public IReadOnlyList<AllocationSite> Allocations { get => field ?? []; init; }

    /// <summary>Native (C allocator) allocations, leaks and lifetimes, when <c>run --track-alloc</c> tracked them.</summary>
    public NativeAllocationProfile? NativeAllocations { get; init; }

    /// <summary>Per-run aggregates when the target was run several times (the independent samples the gate prefers).</summary>
    public IReadOnlyList<RunAggregate> Runs { get => field ?? []; init; }

    /// <summary>Things the user should know about how this session was collected (a collector that could not run, say).</summary>
    public IReadOnlyList<string> Warnings { get => field ?? []; init; }
}
