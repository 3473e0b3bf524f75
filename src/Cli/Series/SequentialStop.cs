using System.Diagnostics;
using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Cli.Series;

/// <summary>
/// Decides when <c>--runs auto</c> has run enough: at each look of <see cref="SequentialLooks"/> it compares the runs so
/// far (as <see cref="SessionComparer"/> replays them, each look at its share of alpha) and stops once no gated metric is
/// inconclusive or a metric regressed (a decision no later look takes back, so the gate has failed whatever more runs
/// show), or when <c>--max-runs</c> or <c>--max-time</c> is reached. The looks it took go into the sessions
/// (<see cref="AdaptiveRuns"/>) so a later <c>rustscope compare</c> reaches the same verdicts.
/// </summary>
/// <remarks>--max-time counts from the stop's creation, just before the series starts.</remarks>
internal sealed class SequentialStop(AdaptiveBounds bounds, Func<ProfileSession, ProfileSession, ComparisonResult> compare)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<int> _looks = [];
    private AdaptiveStop _stop = AdaptiveStop.MaxRuns;

    /// <summary>Whether the series may end after the <paramref name="head"/> runs made so far.</summary>
    public bool Enough(ProfileSession baseline, ProfileSession head)
    {
        var runs = head.Runs.Count;
        if (bounds.MaxTime is { } limit && _clock.Elapsed >= limit && runs >= 2)
        {
            Look(runs, AdaptiveStop.MaxTime);
            return true;
        }

        if (!SequentialLooks.IsLook(runs, bounds.MaxRuns))
        {
            return false;
        }

        if (runs >= bounds.MaxRuns)
        {
            Look(runs, AdaptiveStop.MaxRuns);
            return true;
        }

        // Stamped as if this look were the last, so the replay spends only its share of alpha.
        Look(runs, AdaptiveStop.Decided);
        var result = compare(baseline, Stamped(head));
        if (result.AllMetrics.Any(static m => m.Verdict is Verdict.Regressed or Verdict.Invalid))
        {
            _stop = AdaptiveStop.Failed;
            return true;
        }

        if (result.AllMetrics.All(static m => m.Verdict != Verdict.Inconclusive))
        {
            return true;
        }

        _stop = AdaptiveStop.MaxRuns;
        return false;
    }

    /// <summary><paramref name="session"/> with the looks taken, when its last run was one (not for a series cut short by a failure).</summary>
    public ProfileSession Stamped(ProfileSession session) => _looks.Count == 0 || _looks[^1] != session.Runs.Count
        ? session
        : session with { Meta = session.Meta with { Adaptive = new AdaptiveRuns { MaxRuns = bounds.MaxRuns, Looks = [.. _looks], Stop = _stop } } };

    private void Look(int runs, AdaptiveStop stop)
    {
        _looks.Add(runs);
        _stop = stop;
    }
}
