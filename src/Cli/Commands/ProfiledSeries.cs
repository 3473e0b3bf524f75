using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>Warm-ups and measured runs of one command, each profiled afresh, with a progress line per run.</summary>
internal static class ProfiledSeries
{
    /// <param name="label">Appended to each progress line (the target's name), or null.</param>
    /// <param name="enough">With <c>--runs auto</c>: ends the series early (<see cref="SequentialStop"/>, <see cref="PrecisionStop"/>).</param>
    public static Task<ProfileSession> RunAsync(
        RunRequest request, SeriesPlan plan, string? label, RunDisplay display, CancellationToken interrupt, Func<ProfileSession, bool>? enough = null) =>
        RunSeries.RunAsync(plan.Runs, plan.WarmupRuns, (position, warmup) =>
        {
            if (plan.Total > 1 || label is not null)
            {
                LiveViewPolicy.Messages(display).WriteLine(label is null ? plan.Describe(position, warmup) : $"{plan.Describe(position, warmup)} ({label})");
            }

            return RunCommand.ProfileOnceAsync(request, display, interrupt);
        }, interrupt, enough);
}
