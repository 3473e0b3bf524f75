using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Whether a session has runs enough to be one side of a later comparison, for <c>--runs auto</c> where there is nothing
/// to compare with yet (recording a baseline, <c>rustscope bench</c>): every gated metric's runs must be as many as a
/// comparison with an equally noisy other side needs to decide a change of the metric's threshold
/// (<see cref="RunsNeededEstimate.RunsFor"/> with the threshold as the distance). No claim is tested, so looking after
/// every run costs no alpha.
/// </summary>
public static class SessionPrecision
{
    /// <summary>True when no gated metric of <paramref name="session"/> needs more runs.</summary>
    /// <exception cref="Diagnostics.InputException">The requested budget target does not exist.</exception>
    public static bool Enough(ProfileSession session, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var rules = new BudgetRules(options.Budget, BudgetRules.SelectTarget(options.Budget, options.Target, session.Meta.Project, []), options);
        foreach (var (key, series) in SessionMetrics.Extract(session))
        {
            var rule = rules.Resolve(key, series);
            var gated = BudgetRules.Compared(key, rule) && NotJudgedReason.Of(key, rule) is null;
            if (!gated || Summaries.IsConstant(series.Values))
            {
                // Identical values (allocations per call, most often) are judged without a test: more runs add nothing.
                continue;
            }

            if (series.Values.Count < 2 || series.Values.Any(static v => !(v > 0)))
            {
                return false;
            }

            var noise = Math.Sqrt(Welford.Of([.. series.Values.Select(static v => Math.Log(v))]).Variance);
            var margin = ChangeConversion.Margin(rule.Threshold, Medians.Of(series.Values), logScale: true);
            if (RunsNeededEstimate.RunsFor(margin, noise, rules.Alpha) > series.Values.Count)
            {
                return false;
            }
        }

        return true;
    }
}
