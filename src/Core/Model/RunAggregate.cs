namespace RustScope.Core.Model;

/// <summary>The aggregates of one run when a target is run several times.</summary>
public sealed record RunAggregate
{
    /// <summary>Zero-based run index (warm-up runs are not stored).</summary>
    public required int Index { get; init; }

    /// <summary>Wall time of the run in seconds.</summary>
    public required double WallTimeS { get; init; }

    /// <summary>Peak resident memory of the tree in MB.</summary>
    public required double PeakRssMb { get; init; }

    /// <summary>Mean CPU use of the tree, % of one core.</summary>
    public required double CpuPctMean { get; init; }

    /// <summary>User + system CPU seconds of the tree in the run.</summary>
    public double CpuS { get; init; }

    /// <summary>The run's exit code.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How busy the machine was while the run ran.</summary>
    public MachineLoad? MachineLoad { get; init; }

    /// <summary>Per-function aggregates of the run, when the target flushed instrumented data.</summary>
    public IReadOnlyList<RunFunctionAggregate> Functions { get => field ?? []; init; }

    /// <summary>Per-benchmark medians of the run, when the target ran benchmarks.</summary>
    public IReadOnlyList<RunBenchmarkAggregate> Benchmarks { get => field ?? []; init; }
}
