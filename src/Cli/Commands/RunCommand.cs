using System.CommandLine;
using System.Globalization;
using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope run [options] -- &lt;cmd&gt; [args...]</c>: profiles a command's whole process tree.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Argument<string[]>("command") { Description = "The command to profile and its arguments (after --).", Arity = ArgumentArity.ZeroOrMore };
        var hz = new Option<double>("--hz") { Description = "/proc sampling rate in Hz.", DefaultValueFactory = _ => 100 };
        var duration = new Option<double>("--duration", "-d") { Description = "Stop after this many seconds; 0 runs until the command exits or Ctrl-C.", DefaultValueFactory = _ => 0 };
        var grace = new Option<double>("--grace") { Description = "Seconds the tree gets to exit after SIGINT/SIGTERM before SIGKILL.", DefaultValueFactory = _ => 2 };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the session.", DefaultValueFactory = _ => new FileInfo("rustscope-last.json") };
        var pid = new Option<int?>("--pid") { Description = "Attach to a running process (and its descendants) instead of starting one." };
        var noTui = new Option<bool>("--no-tui") { Description = "Print plain progress lines on stderr instead of the live view." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors: no live view, progress, summary or warnings (warnings stay in the session)." };
        var spikeMb = new Option<double>("--spike-mb") { Description = "Resident growth between samples that counts as a memory spike, in MB.", DefaultValueFactory = _ => 5 };
        var cpuSpike = new Option<double>("--cpu-spike-pct") { Description = "Tree CPU (% of one core) above which a CPU spike is recorded.", DefaultValueFactory = _ => 80 };
        var project = new Option<string?>("--project") { Description = "Project name in the session (default: the command's file name)." };
        // Each run's aggregates go to runs[] for the gate; auto runs until every gated metric is precise enough.
        var series = new SeriesOptions(defaultRuns: 1, defaultWarmupRuns: null);
        var sampling = new Option<string>("--sampling") { Description = "Function-level sampling: EventPipe for .NET targets, perf for native ones.", DefaultValueFactory = _ => "on" };
        sampling.AcceptOnlyFromAmong("on", "off");
        var isolate = new IsolateOptions();

        var run = new Command("run", "Profile a command's whole process tree and write a session.")
        {
            command, hz, duration, grace, output, pid, noTui, quiet, spikeMb, cpuSpike, project, sampling,
        };
        foreach (var option in series.All)
        {
            run.Options.Add(option);
        }

        isolate.AddTo(run);
        run.SetAction(async (parse, _) =>
        {
            var outputPath = parse.GetValue(output)!.FullName;
            var argv = parse.GetValue(command) ?? [];
            SeriesPlan plan;
            try
            {
                plan = series.Plan(parse);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"rustscope run: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            if (Validate(argv.Length > 0, parse.GetValue(pid) is not null, parse.GetValue(hz), parse.GetValue(duration), parse.GetValue(grace), plan) is { } error)
            {
                await Console.Error.WriteLineAsync($"rustscope run: {error}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            if (OutputLocation.Problem(outputPath) is { } unwritable)
            {
                await Console.Error.WriteLineAsync($"rustscope run: {unwritable}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            Isolation? isolation;
            try
            {
                isolation = isolate.Read(parse);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"rustscope run: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var display = LiveViewPolicy.Choose(parse.GetValue(quiet), parse.GetValue(noTui));
            var request = new RunRequest
            {
                Launch = argv.Length > 0 ? new LaunchSpec(argv[0], argv[1..]) : null,
                AttachPid = parse.GetValue(pid),
                Hz = parse.GetValue(hz),
                Duration = parse.GetValue(duration) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null,
                Grace = TimeSpan.FromSeconds(parse.GetValue(grace)),
                Spikes = new SpikeOptions(parse.GetValue(spikeMb), parse.GetValue(cpuSpike)),
                Project = parse.GetValue(project),
                Sampling = parse.GetValue(sampling) == "on",
                ChildOutputLog = display == RunDisplay.Dashboard && argv.Length > 0 ? Path.ChangeExtension(outputPath, ".child.log") : null,
                Isolation = isolation,
            };
            return await ExecuteAsync(request, plan, outputPath, display).ConfigureAwait(false);
        });
        return run;
    }

    private static string? Validate(bool hasCommand, bool hasPid, double hz, double duration, double grace, SeriesPlan series) =>
        hasCommand == hasPid ? "give either a command after -- or --pid, not both and not neither"
        : hz is <= 0 or > 1000 ? "--hz must be in (0, 1000]"
        : duration < 0 || grace < 0 ? "--duration and --grace cannot be negative"
        : hasPid && series.Total > 1 ? "--runs and --warmup-runs need a command to start, not --pid"
        : null;

    private static async Task<int> ExecuteAsync(RunRequest request, SeriesPlan series, string outputPath, RunDisplay display)
    {
        using var interruption = new Interruption();
        ProfileSession session;
        try
        {
            // Nothing to compare with yet: auto stops once the runs are precise enough for the default threshold.
            Func<ProfileSession, bool>? enough = series.Adaptive is { } bounds ? new PrecisionStop(bounds, new ComparisonOptions()).Enough : null;
            session = await ProfiledSeries.RunAsync(request, series, label: null, display, interruption.Token, enough).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandNotFoundException or TargetNotFoundException)
        {
            await Console.Error.WriteLineAsync($"rustscope: {e.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        // Checked before the run, but the location can still go away while the command runs (it may even remove it).
        string? writeError = null;
        try
        {
            SessionJson.Write(session, outputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writeError = e.Message;
        }

        var messages = LiveViewPolicy.Messages(display);
        SessionSummaryPrinter.Print(session, messages, [
            .. request.ChildOutputLog is { } log ? [("child output", log)] : Array.Empty<(string, string)>(),
            ("session", writeError is null ? outputPath : "not written")]);
        foreach (var warning in session.Warnings)
        {
            await messages.WriteLineAsync($"rustscope: warning: {warning}").ConfigureAwait(false);
        }

        var exitCode = session.Meta.ExitCode ?? ExitCodes.Success;
        if (writeError is not null)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"rustscope: cannot write the session to '{outputPath}': {writeError} (the command exited with {exitCode})")).ConfigureAwait(false);

            // The command's own failure is kept; a command that succeeded still leaves rustscope's failure visible.
            return exitCode == ExitCodes.Success ? ExitCodes.UsageError : exitCode;
        }

        return exitCode;
    }

    /// <summary>One profiled run with a fresh set of collectors and its own live view.</summary>
    internal static async Task<ProfileSession> ProfileOnceAsync(RunRequest request, RunDisplay display, CancellationToken interrupt)
    {
        var collectors = CollectorCatalog.Create(request.Sampling);
        try
        {
            await using var view = display == RunDisplay.Dashboard ? (ILiveView)new LiveDashboard(Describe(request)) : new ProgressLines(LiveViewPolicy.Messages(display));
            var runner = new ProfileRunner(collectors);
            return await view.RunAsync(observer => runner.RunAsync(request, observer, interrupt)).ConfigureAwait(false);
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
