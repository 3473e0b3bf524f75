using System.Globalization;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>What a metric's values are, in words: <c>geometric mean of 10 runs</c>, <c>median of 5/6 runs</c>, <c>one run</c>.</summary>
public static class StatisticText
{
    /// <summary>The statistic of <paramref name="metric"/>'s values and the samples it summarises; – when it has none.</summary>
    public static string Of(MetricComparison metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Of(metric.Statistic, metric.BaselineN, metric.HeadN, metric.Samples);
    }

    /// <summary>
    /// <paramref name="statistic"/> of <paramref name="baselineN"/> and <paramref name="headN"/> samples (0 for a side
    /// without any) of the kind <paramref name="samples"/> names (<see cref="MetricComparison.Samples"/>).
    /// </summary>
    public static string Of(SummaryStatistic? statistic, int baselineN, int headN, string? samples)
    {
        if (statistic is not { } known)
        {
            return "–";
        }

        var most = Math.Max(baselineN, headN);
        if (most <= 1)
        {
            return $"one {Noun(samples, 1)}";
        }

        var counts = baselineN == headN || baselineN == 0 || headN == 0
            ? most.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{baselineN}/{headN}");
        return $"{Name(known)} of {counts} {Noun(samples, most)}";
    }

    /// <summary>What one sample is, <paramref name="count"/> times: runs, iterations (of a benchmark), samples (mixed).</summary>
    public static string Noun(string? samples, int count) => (samples, count == 1) switch
    {
        ("benchmark", true) => "iteration",
        ("benchmark", false) => "iterations",
        ("runs" or "single" or "single/runs" or "runs/single", true) => "run",
        ("runs" or "single" or "single/runs" or "runs/single", false) => "runs",
        (_, true) => "sample",
        _ => "samples",
    };

    private static string Name(SummaryStatistic statistic) => statistic switch
    {
        SummaryStatistic.GeometricMean => "geometric mean",
        SummaryStatistic.Mean => "mean",
        _ => "median",
    };
}
