namespace RustScope.Core.Model;

/// <summary>
/// Written when <c>--runs auto</c> chose how many runs to make: the looks at the data the runs stopped by. A
/// comparison replays those looks, each at its share of alpha, so <c>rustscope compare</c> of the saved sessions gives
/// the verdicts the run itself reached — judging the final runs once at the full alpha would inflate false alarms.
/// </summary>
public sealed record AdaptiveRuns
{
    /// <summary>The most runs a side the series was allowed (<c>--max-runs</c>); the looks' information fractions are over it.</summary>
    public required int MaxRuns { get; init; }

    /// <summary>Runs a side at each look taken, ascending; the last is the session's run count.</summary>
    public required IReadOnlyList<int> Looks { get; init; }

    /// <summary>Why the series stopped at its last look.</summary>
    public required AdaptiveStop Stop { get; init; }
}
