using RustScope.Core.Model;

namespace RustScope.Core.Calibration;

/// <summary>The calibration of one command: how it was run and the noise of each gated metric.</summary>
internal sealed record TargetCalibration
{
    /// <summary>The budget target's name, or the session's project.</summary>
    public required string Name { get; init; }

    /// <summary>The command, one argument per entry.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Measured runs a side (the A/A series ran the command twice as often).</summary>
    public required int RunsPerSide { get; init; }

    public required int WarmupRuns { get; init; }

    /// <summary>The gate's significance level the smallest changes and runs needed are computed at.</summary>
    public required double Alpha { get; init; }

    /// <summary>Power the smallest changes and runs needed are computed for.</summary>
    public required double Power { get; init; }

    /// <summary>A metric needing more runs a side than this is too noisy to gate on.</summary>
    public required int MaxRunsPerSide { get; init; }

    /// <summary>What <c>--isolate</c> applied, or null.</summary>
    public Isolation? Isolation { get; init; }

    public required IReadOnlyList<MetricNoise> Metrics { get; init; }
}
