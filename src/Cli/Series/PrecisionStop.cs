using System.Diagnostics;
using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Cli.Series;

/// <summary>
/// When <c>--runs auto</c> has run enough with nothing to compare against (a baseline being recorded, <c>bench</c>): from
/// the first look's runs on, once every gated metric is as precise as a comparison at its threshold needs
/// (<see cref="SessionPrecision"/>), or at <c>--max-runs</c> or <c>--max-time</c>.
/// </summary>
/// <remarks>--max-time counts from the stop's creation, just before the series starts.</remarks>
internal sealed class PrecisionStop(AdaptiveBounds bounds, ComparisonOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Whether the series may end after the runs <paramref name="session"/> holds.</summary>
    public bool Enough(ProfileSession session) =>
        session.Runs.Count >= bounds.MaxRuns
        || (bounds.MaxTime is { } limit && _clock.Elapsed >= limit && session.Runs.Count >= 2)
        || (session.Runs.Count >= SequentialLooks.FirstLook && SessionPrecision.Enough(session, options));
}
