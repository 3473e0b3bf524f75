using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Cli.History;

/// <summary>
/// Several stored sessions of one commit and host as one baseline: every run of every session in <c>runs[]</c> (the
/// independent samples the gate compares), around the newest session's profile, the way a <c>--runs N</c> series is
/// kept.
/// </summary>
internal static class BaselineSession
{
    public static ProfileSession Merge(IReadOnlyList<ProfileSession> sessions, string note)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sessions.Count);
        var ordered = sessions.OrderBy(static s => s.Meta.StartTs).ToList();
        var newest = ordered[^1];
        // A session of one run has no runs[]: its own figures are that run.
        var runs = ordered.SelectMany(static s => s.Runs.Count > 0 ? s.Runs : [RunAggregates.From(s, 0)])
            .Select(static (run, index) => run with { Index = index })
            .ToList();
        return newest with
        {
            Meta = newest.Meta with { StartTs = ordered[0].Meta.StartTs },
            Runs = runs.Count > 1 ? runs : [],
            Warnings = [.. ordered.SelectMany(static s => s.Warnings).Distinct(), note],
        };
    }
}
