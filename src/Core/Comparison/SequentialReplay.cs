using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Judges sessions recorded with <c>--runs auto</c> as the series judged them while running: each recorded look compares
/// the runs made by then at its share of alpha (<see cref="SequentialLooks"/>), and a metric keeps the verdict of the
/// first look that decided it. The final runs judged once at the full alpha would be a different, optimistic test:
/// the series stopped because the data looked decided.
/// </summary>
internal static class SequentialReplay
{
    public static ComparisonResult Compare(
        ProfileSession baseline, ProfileSession head, ComparisonOptions options, bool paired, Func<ProfileSession, ProfileSession, ComparisonOptions, ComparisonResult> compareOnce)
    {
        var adaptive = head.Meta.Adaptive!;
        var target = BudgetRules.SelectTarget(options.Budget, options.Target, head.Meta.Project, []);
        var alpha = new BudgetRules(options.Budget, target, options).Alpha;
        var looks = adaptive.Looks.Where(runs => runs <= head.Runs.Count && (!paired || runs <= baseline.Runs.Count)).ToList();
        if (looks.Count == 0)
        {
            // Runs removed by hand since: nothing to replay, so no sequential claim either.
            return compareOnce(baseline, head with { Meta = head.Meta with { Adaptive = null } }, options);
        }

        var levels = SequentialLooks.Levels(looks, adaptive.MaxRuns, alpha, spendRest: adaptive.Stop is AdaptiveStop.MaxRuns or AdaptiveStop.MaxTime);
        var decided = new Dictionary<(MetricKind, string?, string), MetricComparison>();
        ComparisonResult? last = null;
        for (var i = 0; i < looks.Count; i++)
        {
            last = compareOnce(paired ? Truncated(baseline, looks[i]) : baseline, Truncated(head, looks[i]), options with { Alpha = levels[i] });
            foreach (var metric in last.AllMetrics.Where(static m => m.Verdict is Verdict.Regressed or Verdict.Improved or Verdict.Unchanged))
            {
                decided.TryAdd((metric.Kind, metric.Subject, metric.Metric), metric);
            }
        }

        return last! with
        {
            Alpha = alpha,
            Targets = [.. last.Targets.Select(t => t with { Metrics = SessionComparer.Ordered(t.Metrics.Select(m => Frozen(m, decided))) })],
            Sequential = new SequentialOutcome
            {
                Runs = looks[^1],
                MaxRuns = adaptive.MaxRuns,
                Stop = adaptive.Stop,
                Looks = [.. looks.Zip(levels, static (runs, level) => new SequentialLook(runs, level))],
            },
        };
    }

    private static ProfileSession Truncated(ProfileSession session, int runs) =>
        session.Runs.Count <= runs ? session : session with { Runs = [.. session.Runs.Take(runs)] };

    // A later look cannot take back an earlier decision; what the full data say about budgets and bad data still stands.
    private static MetricComparison Frozen(MetricComparison final, Dictionary<(MetricKind, string?, string), MetricComparison> decided) =>
        final.Verdict is Verdict.BudgetExceeded or Verdict.Invalid || !decided.TryGetValue((final.Kind, final.Subject, final.Metric), out var first) ? final : first;
}
