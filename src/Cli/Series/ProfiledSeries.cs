using System.Globalization;
using RustScope.Cli.Live;
using RustScope.Collectors;
using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Cli.Series;

/// <summary>Profiled runs of one command: a series with warm-ups and a progress line per run, or a single run.</summary>
internal static class ProfiledSeries
{
    /// <param name="label">Appended to each progress line (the target's name), or null.</param>
    /// <param name="enough">With <c>--runs auto</c>: ends the series early (<see cref="SequentialStop"/>, <see cref="PrecisionStop"/>).</param>
    public static Task<ProfileSession> RunAsync(
        RunRequest request, SeriesPlan plan, string? label, RunView view, CancellationToken interrupt, Func<ProfileSession, bool>? enough = null) =>
        RunSeries.RunAsync(plan.Runs, plan.WarmupRuns, (position, warmup) =>
        {
            if (plan.Total > 1 || label is not null)
            {
                view.Messages.WriteLine(label is null ? plan.Describe(position, warmup) : $"{plan.Describe(position, warmup)} ({label})");
            }

            return OnceAsync(request, view, interrupt);
        }, interrupt, enough);

    /// <summary>One profiled run with a fresh set of collectors and its own live view.</summary>
    public static async Task<ProfileSession> OnceAsync(RunRequest request, RunView view, CancellationToken interrupt)
    {
        var collectors = CollectorCatalog.Create(request.Sampling, request.Perf, request.TrackAlloc);
        try
        {
            await using var live = view.Display == RunDisplay.Dashboard ? (ILiveView)new LiveDashboard(Describe(request)) : new ProgressLines(view.Messages);
            var runner = new ProfileRunner(collectors);
            return await live.RunAsync(observer => runner.RunAsync(request, observer, interrupt)).ConfigureAwait(false);
        }
        finally
        {
            foreach (var collector in collectors)
            {
                await collector.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Describe(RunRequest request) => request.Launch is { } launch
        ? string.Join(' ', [launch.FileName, .. launch.Arguments])
        : string.Create(CultureInfo.InvariantCulture, $"pid {request.AttachPid}");
}
