using System.Globalization;
using MathNet.Numerics.Statistics;
using RustScope.Core.Metrics;
using RustScope.Core.Model;

namespace RustScope.Collectors.Series;

/// <summary>
/// Flags a first measured run that stands apart from the others (a cold disk cache, tiered JIT, a CPU clocking up):
/// kept in runs[] it biases every comparison of the series, which is what warm-up runs are for.
/// </summary>
internal static class FirstRunOutlier
{
    // The first run needs this many others to be judged against.
    private const int MinimumOthers = 3;

    // Outside the others' median by more than this many robust standard deviations (1.4826 × MAD) and this share.
    private const double RobustDeviations = 3;
    private const double MinimumShare = 0.05;

    /// <summary>A warning for each gated figure of the first run that is an outlier; none when it is in line.</summary>
    public static IEnumerable<string> Warnings(IReadOnlyList<RunAggregate> runs, int warmupRuns)
    {
        if (runs.Count < MinimumOthers + 1)
        {
            yield break;
        }

        var advice = warmupRuns == 0 ? "--warmup-runs 1 discards it" : string.Create(CultureInfo.InvariantCulture, $"more than {warmupRuns} warm-up run(s) may be needed");
        foreach (var (metric, value) in new (MetricDefinition, Func<RunAggregate, double>)[]
        {
            (MetricCatalog.WallTime, r => r.WallTimeS),
            (MetricCatalog.CpuTime, r => r.CpuS),
            (MetricCatalog.PeakRss, r => r.PeakRssMb),
        })
        {
            var others = runs.Skip(1).Select(value).ToArray();
            var first = value(runs[0]);
            var median = others.Median();
            var spread = 1.4826 * others.Select(o => Math.Abs(o - median)).Median();
            if (Math.Abs(first - median) > Math.Max(RobustDeviations * spread, MinimumShare * Math.Abs(median)))
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"the first measured run is an outlier: {metric.Name} {first:0.###} {metric.Unit} against {others.Min():0.###}–{others.Max():0.###} {metric.Unit} in the other {others.Length} runs (median {median:0.###} {metric.Unit}); {advice}");
            }
        }
    }
}
