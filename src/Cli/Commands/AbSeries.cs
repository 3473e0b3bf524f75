using System.Globalization;
using RustScope.Cli.Live;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Core.Model;

using RustScope.Cli.Series;

namespace RustScope.Cli.Commands;

/// <summary>The interleaved base/head series of <c>rustscope ab</c> and the two sessions it writes.</summary>
/// <param name="stop">With <c>--runs auto</c>: ends the series once the comparison is decided.</param>
internal sealed class AbSeries(SeriesPlan plan, double hz, string outputDirectory, SequentialStop? stop)
{
    public double Hz => hz;

    public string BasePath { get; } = Path.Combine(outputDirectory, "rustscope-base.json");

    public string HeadPath { get; } = Path.Combine(outputDirectory, "rustscope-head.json");

    /// <returns>Both sessions, written; null when there is nothing fair to compare (the reason is printed).</returns>
    public async Task<(ProfileSession Base, ProfileSession Head)?> RunAsync(RunRequest baseRequest, RunRequest headRequest, Interruption interruption)
    {
        (ProfileSession Base, ProfileSession Head) sessions;
        try
        {
            sessions = await InterleavedSeries.RunAsync(plan.Runs, plan.WarmupRuns, (side, position, warmup) =>
            {
                Console.Error.WriteLine($"{plan.Describe(position, warmup)} ({side.ToString().ToLowerInvariant()})");
                return RunCommand.ProfileOnceAsync(side == AbSide.Base ? baseRequest : headRequest, RunDisplay.Lines, interruption.Token);
            }, interruption.Token, stop is null ? null : stop.Enough).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandNotFoundException or SeriesFailedException)
        {
            await Console.Error.WriteLineAsync($"rustscope ab: {e.Message}").ConfigureAwait(false);
            return null;
        }

        if (stop is not null)
        {
            sessions = (stop.Stamped(sessions.Base), stop.Stamped(sessions.Head));
        }

        SessionJson.Write(sessions.Base, BasePath);
        SessionJson.Write(sessions.Head, HeadPath);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rustscope ab: base {BasePath} ({sessions.Base.Runs.Count} runs), head {HeadPath} ({sessions.Head.Runs.Count} runs)")).ConfigureAwait(false);
        foreach (var warning in sessions.Base.Warnings.Concat(sessions.Head.Warnings).Distinct())
        {
            await Console.Error.WriteLineAsync($"rustscope: warning: {warning}").ConfigureAwait(false);
        }

        var problem = interruption.Requested ? "interrupted: the sessions hold the runs so far"
            : sessions.Base.Meta.ExitCode is not (null or 0) and var baseExit ? $"the base command exited with {baseExit}"
            : sessions.Head.Meta.ExitCode is not (null or 0) and var headExit ? $"the head command exited with {headExit}"
            : null;
        if (problem is not null)
        {
            // A failed or cut-short side is no evidence about the change: no verdict rather than a wrong one.
            await Console.Error.WriteLineAsync($"rustscope ab: {problem}; not compared").ConfigureAwait(false);
            return null;
        }

        return sessions;
    }
}
