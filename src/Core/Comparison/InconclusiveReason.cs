using System.Globalization;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Why a metric is Inconclusive, in words every report shows as they are: which condition of a verdict was not met
/// (a single run, an interval across the threshold, too little certainty), how noisy the samples are, and how many
/// runs would likely decide it.
/// </summary>
internal static class InconclusiveReason
{
    /// <summary>The reason for <paramref name="judged"/>, whose figures <paramref name="metric"/> already carries.</summary>
    public static string Of(JudgedChange judged, MetricComparison metric)
    {
        var alpha = judged.Analysis.Options.Alpha.ToString("G3", CultureInfo.InvariantCulture);
        var interval = $"the {NumberText.Percent(metric.ConfidenceLevel ?? 0)} interval {NumberText.Interval(metric)}";
        var threshold = NumberText.Threshold(metric.Threshold, metric.Unit);
        return judged.Cause switch
        {
            InconclusiveCause.SingleValue => metric.Samples == "benchmark"
                ? $"too few iterations: {Sides(metric)}, and a single iteration shows nothing of the noise; let the benchmark run several iterations"
                : $"too few runs: {Sides(metric)}, and a single run shows nothing of the noise; record several runs a side (rustscope run --runs N, 10 is a good start)",
            InconclusiveCause.AtThreshold =>
                $"at the threshold: {interval} ends on the {threshold} threshold, and a change must exceed the threshold to count or stay inside it to be unchanged; {Evidence(metric)}",
            InconclusiveCause.NotSignificant =>
                $"too few runs to be sure: {interval} lies beyond the {threshold} threshold, but its adjusted p-value {NumberText.PValue(metric.AdjustedPValue)} is not below alpha {alpha} (after the correction across every metric compared); {Evidence(metric)}",
            InconclusiveCause.EquivalenceNotShown =>
                $"too few runs to be sure: {interval} lies inside ± the {threshold} threshold, but the equivalence test's p-value {NumberText.PValue(metric.EquivalencePValue)} is not below alpha {alpha}; {Evidence(metric)}",
            _ => $"too noisy for {Sides(metric)}: {interval} reaches across the {threshold} threshold; {Evidence(metric)}",
        };
    }

    private static string Sides(MetricComparison metric) => metric.BaselineN == metric.HeadN
        ? string.Create(CultureInfo.InvariantCulture, $"{metric.BaselineN} {StatisticText.Noun(metric.Samples, metric.BaselineN)} a side")
        : string.Create(CultureInfo.InvariantCulture, $"{metric.BaselineN} {StatisticText.Noun(metric.Samples, metric.BaselineN)} in the baseline, {metric.HeadN} in head");

    // How much the samples vary, and how many would decide: the two figures that say what to do next.
    private static string Evidence(MetricComparison metric)
    {
        var noun = StatisticText.Noun(metric.Samples, 2);
        var spread = metric.Noise is { } noise ? $"{noun} vary by ±{NumberText.Percent(noise)}" : $"how much the {noun} vary is unknown";
        var decide = metric.RunsNeeded is { } runs
            ? string.Create(CultureInfo.InvariantCulture, $"about {runs} {noun} a side would decide it")
            : $"more {noun} would narrow the interval";
        return $"{spread}; {decide}";
    }
}
