namespace RustScope.Core.Calibration;

/// <summary>How noisy one metric was over the A/A runs of a calibration, and what that noise allows a gate to see.</summary>
internal sealed record MetricNoise
{
    /// <summary>The metric's name as budgets write it: <c>wall_time</c>, <c>p95</c>, <c>median</c>…</summary>
    public required string Metric { get; init; }

    /// <summary><c>process</c>, <c>function</c> or <c>benchmark</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The function or benchmark the metric belongs to; null for process metrics.</summary>
    public string? Subject { get; init; }

    /// <summary>Unit of <see cref="Median"/> and <see cref="Sd"/>.</summary>
    public required string Unit { get; init; }

    /// <summary>Runs the figures are computed from (both sides together).</summary>
    public required int Runs { get; init; }

    public required double Median { get; init; }

    /// <summary>Sample standard deviation of all runs.</summary>
    public required double Sd { get; init; }

    /// <summary>Coefficient of variation: <see cref="Sd"/> over the mean.</summary>
    public required double Cv { get; init; }

    /// <summary>1.4826 × median absolute deviation over the median.</summary>
    public required double RobustCv { get; init; }

    /// <summary>Sample sd of the per-pair log ratios, the spread <c>ab</c>'s paired test works with.</summary>
    public required double PairRatioSd { get; init; }

    /// <summary>Share of the runs beyond the median ± 3 robust sds.</summary>
    public required double OutlierRate { get; init; }

    /// <summary>Relative change of the median from the first half of the series to the second; null when the first half's is 0.</summary>
    public required double? Drift { get; init; }

    /// <summary>The relative regression threshold that applies to the metric (the budget's, else 5 %).</summary>
    public required double Threshold { get; init; }

    /// <summary>The smallest change the noise lets a gate show at several run counts.</summary>
    public required IReadOnlyList<SmallestChange> SmallestChange { get; init; }

    /// <summary>Runs a side that show a change of <see cref="Threshold"/> (at least 2).</summary>
    public required int RunsNeeded { get; init; }

    /// <summary>True when <see cref="RunsNeeded"/> exceeds the calibration's maximum: too noisy to gate on this machine.</summary>
    public required bool TooNoisy { get; init; }

    /// <summary><c>ok</c> or <c>too noisy</c>.</summary>
    public string Verdict => TooNoisy ? "too noisy" : "ok";
}
