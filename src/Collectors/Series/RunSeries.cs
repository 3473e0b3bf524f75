using RustScope.Core.Model;

namespace RustScope.Collectors.Series;

/// <summary>
/// Runs a command several times so the gate has independent samples: warm-up runs are discarded, every measured
/// run becomes one <c>runs[]</c> entry. A run that fails or is interrupted ends the series (its numbers would not
/// be comparable), and the session says so.
/// </summary>
internal static class RunSeries
{
    /// <param name="runs">Measured runs.</param>
    /// <param name="warmupRuns">Runs before them whose results are discarded.</param>
    /// <param name="runOnce">Profiles one run; gets the zero-based position in the series and whether it is a warm-up.</param>
    /// <param name="interrupt">Stops the series after the current run.</param>
    /// <param name="enough">Asked after each measured run with the session so far; true ends the series there.</param>
    public static async Task<ProfileSession> RunAsync(
        int runs, int warmupRuns, Func<int, bool, Task<ProfileSession>> runOnce, CancellationToken interrupt, Func<ProfileSession, bool>? enough = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRuns);
        var measured = new List<ProfileSession>(runs);
        for (var position = 0; position < warmupRuns + runs; position++)
        {
            var warmup = position < warmupRuns;
            var session = await runOnce(position, warmup).ConfigureAwait(false);
            if (!warmup || IsFailed(session))
            {
                measured.Add(session);
            }

            if (IsFailed(session) || interrupt.IsCancellationRequested)
            {
                break;
            }

            if (!warmup && enough is not null && Combine(measured, measured.Count, warmupRuns) is var sofar && enough(sofar))
            {
                return sofar;
            }
        }

        return Combine(measured, runs, warmupRuns);
    }

    /// <summary>The last run's session (samples, functions, summary) with every measured run in <c>runs[]</c>.</summary>
    /// <param name="warmupRuns">The warm-up runs discarded before <paramref name="measured"/>, for the outlier advice.</param>
    public static ProfileSession Combine(IReadOnlyList<ProfileSession> measured, int planned, int warmupRuns)
    {
        ArgumentOutOfRangeException.ThrowIfZero(measured.Count);
        var last = measured[^1];
        var warnings = measured.SelectMany(s => s.Warnings).Distinct().ToList();
        if (measured.Count < planned)
        {
            warnings.Add(FormattableString.Invariant($"the series stopped after {measured.Count} of {planned} runs: run {measured.Count} ended {last.Meta.Termination?.ToString().ToLowerInvariant()} with exit code {last.Meta.ExitCode}"));
        }

        IReadOnlyList<RunAggregate> runs = planned > 1 || measured.Count > 1 ? [.. measured.Select(RunAggregates.From)] : [];
        warnings.AddRange(FirstRunOutlier.Warnings(runs, warmupRuns));
        return last with
        {
            Meta = last.Meta with { StartTs = measured[0].Meta.StartTs, MachineLoad = SeriesMachineLoad.Of(measured) },
            Runs = runs,
            Warnings = warnings,
        };
    }

    internal static bool IsFailed(ProfileSession session) =>
        session.Meta.Termination is Termination.Interrupted or Termination.Signaled || session.Meta.ExitCode is not (null or 0);
}
