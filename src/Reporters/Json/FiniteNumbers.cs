using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Json;

/// <summary>
/// Whether every number of a comparison is finite, so that <see cref="ComparisonJson"/> can write it on the serializer's
/// fast path: the comparer leaves no ∞ or NaN in its values, but a result built by hand may carry them.
/// </summary>
internal static class FiniteNumbers
{
    /// <summary>Whether every floating-point number <paramref name="result"/> serializes is finite (or null).</summary>
    public static bool In(ComparisonResult result)
    {
        if (!double.IsFinite(result.Alpha) || result.Sequential?.Looks.Any(static l => !double.IsFinite(l.Alpha)) == true)
        {
            return false;
        }

        foreach (var target in result.Targets)
        {
            var metrics = target.Metrics;
            for (var i = 0; i < metrics.Count; i++)
            {
                if (!In(metrics[i]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool In(MetricComparison metric) =>
        Finite(metric.BaselineValue) && Finite(metric.HeadValue) && Finite(metric.Change) && Finite(metric.ChangeCiLow) && Finite(metric.ChangeCiHigh)
        && Finite(metric.ConfidenceLevel) && Finite(metric.PValue) && Finite(metric.Noise) && Finite(metric.AdjustedPValue)
        && Finite(metric.EquivalencePValue) && Finite(metric.Budget) && In(metric.Threshold);

    private static bool In(RegressionThreshold? threshold) => threshold is null || (Finite(threshold.Relative) && Finite(threshold.Absolute));

    private static bool Finite(double? value) => value is not { } v || double.IsFinite(v);
}
