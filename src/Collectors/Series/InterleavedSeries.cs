using RustScope.Core.Model;

namespace RustScope.Collectors.Series;

/// <summary>
/// Runs a base and a head command alternately on the same machine — ABAB…, with the first of each pair alternating
/// (AB, BA, AB…) so neither side always runs on a warmer cache or a quieter minute. Drift of the machine then hits
/// both sides alike instead of looking like a regression.
/// </summary>
internal static class InterleavedSeries
{
    /// <param name="runs">Measured runs a side: all of them, or the most when <paramref name="enough"/> is given.</param>
    /// <param name="warmupRuns">Runs a side before them whose results are discarded.</param>
    /// <param name="runOnce">Profiles one run of a side; gets its zero-based position in the series and whether it is a warm-up.</param>
    /// <param name="interrupt">Stops the series after the current run.</param>
    /// <param name="enough">Asked after each measured pair with both sessions so far; true ends the series there.</param>
    public static async Task<(ProfileSession Base, ProfileSession Head)> RunAsync(
        int runs, int warmupRuns, Func<AbSide, int, bool, Task<ProfileSession>> runOnce, CancellationToken interrupt,
        Func<ProfileSession, ProfileSession, bool>? enough = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRuns);
        var measured = new Dictionary<AbSide, List<ProfileSession>> { [AbSide.Base] = [], [AbSide.Head] = [] };
        // The marker lets a comparison pair run i of base with run i of head, which ran back to back.
        var series = Guid.NewGuid().ToString("N");
        for (var position = 0; position < warmupRuns + runs; position++)
        {
            var warmup = position < warmupRuns;
            AbSide[] order = position % 2 == 0 ? [AbSide.Base, AbSide.Head] : [AbSide.Head, AbSide.Base];
            foreach (var side in order)
            {
                var session = await runOnce(side, position, warmup).ConfigureAwait(false);
                var failed = RunSeries.IsFailed(session);
                if (!warmup || failed)
                {
                    measured[side].Add(session);
                }

                if (failed || interrupt.IsCancellationRequested)
                {
                    return Finish(measured, runs, warmupRuns, series);
                }
            }

            if (!warmup && enough is not null)
            {
                var pair = Finish(measured, measured[AbSide.Head].Count, warmupRuns, series);
                if (enough(pair.Base, pair.Head))
                {
                    return pair;
                }
            }
        }

        return Finish(measured, runs, warmupRuns, series);
    }

    private static (ProfileSession Base, ProfileSession Head) Finish(Dictionary<AbSide, List<ProfileSession>> measured, int runs, int warmupRuns, string series)
    {
        if (measured[AbSide.Base].Count == 0 || measured[AbSide.Head].Count == 0)
        {
            var failed = measured.Values.SelectMany(s => s).Last();
            throw new SeriesFailedException($"the A/B series stopped before both sides ran: {failed.Meta.TargetBinary} ended {failed.Meta.Termination?.ToString().ToLowerInvariant()} with exit code {failed.Meta.ExitCode}");
        }

        return (Marked(RunSeries.Combine(measured[AbSide.Base], runs, warmupRuns), series, "base"), Marked(RunSeries.Combine(measured[AbSide.Head], runs, warmupRuns), series, "head"));
    }

    private static ProfileSession Marked(ProfileSession session, string series, string side) =>
        session with { Meta = session.Meta with { Interleaving = new Interleaving { SeriesId = series, Side = side } } };
}
