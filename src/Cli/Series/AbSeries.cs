using System.Globalization;
using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Cli.Series;

/// <summary>The interleaved base/head series of <c>rustscope ab</c> and the two sessions it writes.</summary>
/// <param name="stop">With <c>--runs auto</c>: ends the series once the comparison is decided.</param>
/// <param name="messages">Where progress and problems go (standard error).</param>
internal sealed class AbSeries(SeriesPlan plan, double hz, string outputDirectory, SequentialStop? stop, TextWriter messages)
{
    public double Hz => hz;

    public string BasePath { get; } = Path.Combine(outputDirectory, "rustscope-base.json");

    public string HeadPath { get; } = Path.Combine(outputDirectory, "rustscope-head.json");

    /// <returns>Both sessions, written; null when there is nothing fair to compare (the reason is printed).</returns>
    public async Task<(ProfileSession Base, ProfileSession Head)?> RunAsync(RunRequest baseRequest, RunRequest headRequest, Interruption interruption)
    {
        if (await InterleaveAsync(plan, baseRequest, headRequest, ("rustscope ab", messages), ("base", "head"), interruption, stop is null ? null : stop.Enough).ConfigureAwait(false) is not { } sessions)
        {
            return null;
        }

        if (stop is not null)
        {
            sessions = (stop.Stamped(sessions.Base), stop.Stamped(sessions.Head));
        }

        SessionJson.Write(sessions.Base, BasePath);
        SessionJson.Write(sessions.Head, HeadPath);
        await messages.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rustscope ab: base {BasePath} ({sessions.Base.Runs.Count} runs), head {HeadPath} ({sessions.Head.Runs.Count} runs)")).ConfigureAwait(false);
        foreach (var warning in sessions.Base.Warnings.Concat(sessions.Head.Warnings).Distinct())
        {
            await messages.WriteLineAsync($"rustscope: warning: {warning}").ConfigureAwait(false);
        }

        if (Problem(sessions, interruption, ("the base command", "the head command")) is { } problem)
        {
            // A failed or cut-short side is no evidence about the change: no verdict rather than a wrong one.
            await messages.WriteLineAsync($"rustscope ab: {problem}; not compared").ConfigureAwait(false);
            return null;
        }

        return sessions;
    }

    /// <summary>Runs the two requests interleaved, a progress line per run naming its side.</summary>
    /// <param name="caller">Prefixes the message when the series cannot run (<c>rustscope ab</c>), and where progress goes.</param>
    /// <param name="sides">The names of the two sides in the progress lines.</param>
    /// <param name="enough">Ends the series early (<see cref="SequentialStop"/>), or null for all of the plan's runs.</param>
    /// <returns>Both sessions; null when the command cannot start or a side never ran (the reason is printed).</returns>
    public static async Task<(ProfileSession Base, ProfileSession Head)?> InterleaveAsync(
        SeriesPlan plan, RunRequest baseRequest, RunRequest headRequest, (string Name, TextWriter Messages) caller, (string Base, string Head) sides, Interruption interruption,
        Func<ProfileSession, ProfileSession, bool>? enough = null)
    {
        try
        {
            return await InterleavedSeries.RunAsync(plan.Runs, plan.WarmupRuns, (side, position, warmup) =>
            {
                caller.Messages.WriteLine($"{plan.Describe(position, warmup)} ({(side == AbSide.Base ? sides.Base : sides.Head)})");
                return ProfiledSeries.OnceAsync(side == AbSide.Base ? baseRequest : headRequest, RunView.For(RunDisplay.Lines, caller.Messages), interruption.Token);
            }, interruption.Token, enough).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandNotFoundException or SeriesFailedException)
        {
            await caller.Messages.WriteLineAsync($"{caller.Name}: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Why the series is no evidence (interrupted, a side failed), or null.</summary>
    /// <param name="commands">How to name each side's command in the reason.</param>
    public static string? Problem((ProfileSession Base, ProfileSession Head) sessions, Interruption interruption, (string Base, string Head) commands) =>
        interruption.Requested ? "interrupted: the sessions hold the runs so far"
        : sessions.Base.Meta.ExitCode is not (null or 0) and var baseExit ? $"{commands.Base} exited with {baseExit}"
        : sessions.Head.Meta.ExitCode is not (null or 0) and var headExit ? $"{commands.Head} exited with {headExit}"
        : null;
}
