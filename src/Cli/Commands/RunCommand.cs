using System.CommandLine;
using System.Globalization;
using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling.Perf;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope run [options] -- &lt;cmd&gt; [args...]</c>: profiles a command's whole process tree.</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Argument<string[]>("command") { Description = "The command to profile and its arguments (after --).", Arity = ArgumentArity.ZeroOrMore };
        var hz = new SamplingRateOption();
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
        var perf = new PerfSamplingOptions();
        var trackAlloc = new TrackAllocOptions();

        var run = new Command("run", "Profile a command's whole process tree and write a session.")
        {
            command, hz.Option, duration, grace, output, pid, noTui, quiet, spikeMb, cpuSpike, project, sampling,
        };
        foreach (var option in series.All)
        {
            run.Options.Add(option);
        }

        isolate.AddTo(run);
        perf.AddTo(run);
        trackAlloc.AddTo(run);
        run.SetAction(async (parse, _) =>
        {
            var outputPath = parse.GetValue(output)!.FullName;
            var argv = parse.GetValue(command) ?? [];
            var diagnostics = new DiagnosticWriter(console.Error);
            SeriesPlan plan;
            Isolation? isolation;
            double rate;
            PerfOptions perfOptions;
            Collectors.Native.NativeAllocationOptions? allocOptions;
            try
            {
                plan = series.Plan(parse);
                rate = hz.Read(parse);
                isolation = isolate.Read(parse);
                perfOptions = perf.Read(parse);
                allocOptions = trackAlloc.Read(parse);
            }
            catch (InputException e)
            {
                return diagnostics.Errors(e.Diagnostics);
            }

            if (Validate(argv.Length > 0, parse.GetValue(pid) is not null, parse.GetValue(duration), parse.GetValue(grace), plan, allocOptions is not null) is { } error)
            {
                return diagnostics.Error(DiagnosticWriter.CommandLine(DiagnosticCodes.CommandInvalid, error));
            }

            if (OutputLocation.Problem(outputPath) is { } unwritable)
            {
                return diagnostics.Error(new Diagnostic(parse.GetValue(output)!.ToString(), null, null, DiagnosticCodes.ReportUnwritable, unwritable));
            }

            var display = LiveViewPolicy.Choose(parse.GetValue(quiet), parse.GetValue(noTui));
            var request = new RunRequest
            {
                Launch = argv.Length > 0 ? new LaunchSpec(argv[0], argv[1..]) : null,
                AttachPid = parse.GetValue(pid),
                Hz = rate,
                Duration = parse.GetValue(duration) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null,
                Grace = TimeSpan.FromSeconds(parse.GetValue(grace)),
                Spikes = new SpikeOptions(parse.GetValue(spikeMb), parse.GetValue(cpuSpike)),
                Project = parse.GetValue(project),
                Sampling = parse.GetValue(sampling) == "on",
                Perf = perfOptions,
                ChildOutputLog = display == RunDisplay.Dashboard && argv.Length > 0 ? Path.ChangeExtension(outputPath, ".child.log") : null,
                Isolation = isolation,
                TrackAlloc = allocOptions,
            };
            return await ExecuteAsync(request, plan, outputPath, RunView.For(display, console.Error), diagnostics).ConfigureAwait(false);
        });
        return run;
    }

    private static string? Validate(bool hasCommand, bool hasPid, double duration, double grace, SeriesPlan series, bool trackAlloc) =>
        hasCommand == hasPid ? "give either a command after -- or --pid, not both and not neither"
        : duration < 0 || grace < 0 ? "--duration and --grace cannot be negative"
        : hasPid && series.Total > 1 ? "--runs and --warmup-runs need a command to start, not --pid"
        : hasPid && trackAlloc ? "--track-alloc preloads its shim into a command it starts, not into a running --pid"
        : null;

    private static async Task<int> ExecuteAsync(RunRequest request, SeriesPlan series, string outputPath, RunView view, DiagnosticWriter diagnostics)
    {
        using var interruption = new Interruption();
        ProfileSession session;
        try
        {
            // Nothing to compare with yet: auto stops once the runs are precise enough for the default threshold.
            Func<ProfileSession, bool>? enough = series.Adaptive is { } bounds ? new PrecisionStop(bounds, new ComparisonOptions()).Enough : null;
            session = await ProfiledSeries.RunAsync(request, series, label: null, view, interruption.Token, enough).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CommandNotFoundException or TargetNotFoundException)
        {
            return diagnostics.Error(DiagnosticWriter.CommandLine(DiagnosticCodes.CommandInvalid, e.Message));
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

        var messages = view.Messages;
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
            // An error even under --quiet.
            diagnostics.Error(new Diagnostic(outputPath, null, null, DiagnosticCodes.ReportUnwritable,
                string.Create(CultureInfo.InvariantCulture, $"cannot write the session: {writeError} (the command exited with {exitCode})")));

            // The command's own failure is kept; a command that succeeded still leaves rustscope's failure visible.
            return exitCode == ExitCodes.Success ? ExitCodes.UsageError : exitCode;
        }

        return exitCode;
    }
}
