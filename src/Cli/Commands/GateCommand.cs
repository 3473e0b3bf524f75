using System.CommandLine;
using RustScope.Cli.Gate;
using RustScope.Cli.History;
using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;
using RustScope.Core.Model;
using RustScope.Reporters.GitHub;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope gate --name checkout --command "dotnet app.dll --bench" --runs 5 --baseline perf/baseline.json --budget rustscope.yml</c>:
/// profiles a command N times, then compares it with its baseline (or records the baseline) and checks its budget —
/// run, compare and check in one step, the way the MSBuild task and the GitHub Action call it. Without
/// <c>--command</c> it does the same for every target of the budget file, with baselines from <c>--baseline-dir</c>,
/// and reports them together.
/// </summary>
internal static class GateCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Option<string?>("--command") { Description = "The command to profile, one string split like a shell would but never run by one. Without it: every target of --budget (or each --target) with its own command." };
        var name = new Option<string?>("--name") { Description = "With --command: the target's name, the session's project and the budget target it is judged under." };
        var series = new SeriesOptions(defaultRuns: 5, defaultWarmupRuns: 1);
        var baseline = new Option<FileInfo?>("--baseline") { Description = "With --command: the baseline session to compare with (absent: only absolute budgets are checked)." };
        var baselineDirectory = new Option<DirectoryInfo?>("--baseline-dir") { Description = "For budget targets: the folder of TARGET.json baselines (a missing one: only absolute budgets are checked)." };
        var updateBaseline = new Option<bool>("--update-baseline") { Description = "Write the new sessions as the baselines instead of comparing with them." };
        var session = new Option<FileInfo?>("--session") { Description = "With --command: where to write the head session (default rustscope-last.json)." };
        var outputDirectory = new Option<DirectoryInfo?>("--output-dir", "-o") { Description = "For budget targets: where to write TARGET.json sessions (default: the current folder)." };
        var gate = new GateOptions(severalTargets: true);
        var isolate = new IsolateOptions();
        var history = new HistoryGateOptions();
        var gateCommand = new Command("gate", "Profile a command (or each budget target) N times, then compare with its baseline and check its budget; exit 1 when the gate fails.")
        {
            command, name, baseline, baselineDirectory, updateBaseline, session, outputDirectory,
        };
        isolate.AddTo(gateCommand);
        foreach (var option in series.All.Concat(gate.All).Concat(history.All))
        {
            gateCommand.Options.Add(option);
        }

        gateCommand.SetAction(async (parse, cancel) =>
        {
            var msbuild = parse.GetValue(gate.MSBuild);
            var diagnostics = new DiagnosticWriter(console.Error, msbuild);
            var update = parse.GetValue(updateBaseline);
            GateSettings settings;
            SeriesPlan plan;
            Isolation? isolation;
            IReadOnlyList<GateJob> jobs;
            IReadOnlyList<ProfileSession?> baselines;
            try
            {
                // Everything that can be wrong with the input fails here, before minutes of profiling; baselines are read once.
                settings = gate.Read(parse);
                plan = series.Plan(parse, fallbackRuns: parse.GetValue(command) is null ? settings.Comparison.Budget?.Defaults.Runs : null);
                isolation = isolate.Read(parse);
                var targets = parse.GetValue(gate.Target) ?? [];
                jobs = parse.GetValue(command) is { } line
                    ? [CommandJob(line, targets.Length, parse.GetValue(name), parse.GetValue(baseline), parse.GetValue(session), parse.GetValue(baselineDirectory), parse.GetValue(outputDirectory))]
                    : TargetJobs(settings, targets, parse.GetValue(name), parse.GetValue(baseline), parse.GetValue(session), parse.GetValue(baselineDirectory), parse.GetValue(outputDirectory));
                if (update && jobs.Any(static j => j.BaselinePath is null))
                {
                    throw Invalid("--update-baseline needs --baseline (with --command) or --baseline-dir (for budget targets)");
                }

                if (history.FromHistory(parse))
                {
                    if (update || jobs.Any(static j => j.BaselinePath is not null))
                    {
                        throw Invalid("--baseline, --baseline-dir and --update-baseline are for baseline files; with --baseline-from history, main-branch runs are pushed to the history instead");
                    }

                    var chosen = await history.BaselinesAsync(parse, console, jobs, diagnostics, cancel).ConfigureAwait(false);
                    baselines = [.. chosen.Select(static c => c.Session)];
                    jobs = [.. jobs.Select((j, i) => j with { BaselinePath = chosen[i].Label })];
                }
                else
                {
                    baselines = [.. jobs.Select(j => Gatekeeper.ReadBaseline(j.BaselinePath, update))];
                }
            }
            catch (InputException e)
            {
                return diagnostics.Errors(e.Diagnostics);
            }

            // Before minutes of profiling, so the warnings lead the output.
            var warnings = jobs.Select(j => UnoptimizedBuild.Check(j.Command, msbuild ? "build it with dotnet build -c Release -t:RustScopeProfile" : "build it with -c Release"))
                .OfType<Diagnostic>().ToList();
            warnings.ForEach(diagnostics.Warning);

            var subjects = new List<GateSubject>();
            using var interruption = new Interruption();
            try
            {
                for (var i = 0; i < jobs.Count && !interruption.Requested; i++)
                {
                    subjects.Add(await ProfileAsync(jobs[i], baselines[i], update, plan.ForTarget(jobs[i].OwnRuns), settings, isolation, msbuild, jobs.Count > 1, interruption, console.Error).ConfigureAwait(false));
                }
            }
            catch (Exception e) when (e is CommandNotFoundException or SeriesFailedException)
            {
                return diagnostics.Error(DiagnosticWriter.CommandLine(DiagnosticCodes.CommandInvalid, e.Message));
            }
            catch (InputException e)
            {
                // --runs auto's looks judge the budget's rules (an unknown --target, say): input, not a failed gate.
                return diagnostics.Errors(e.Diagnostics);
            }

            var outcome = new Gatekeeper(console).Judge(new GateRequest
            {
                Subjects = subjects,
                Settings = settings,
                Warnings = warnings,
                CreateBaseline = msbuild ? "dotnet build -c Release -t:RustScopeProfile -p:RustScopeUpdateBaseline=true"
                    : history.FromHistory(parse) ? "a run on the main branch with --baseline-from history, which pushes it" : "the same command with --update-baseline",
            });
            if (history.FromHistory(parse) && !interruption.Requested)
            {
                try
                {
                    history.PushIfMain(parse, console, subjects.Select(static s => s.Head), !msbuild && new GitHubActions(console.Environment).IsEnabled(settings.GitHub), diagnostics);
                }
                catch (InputException e)
                {
                    return diagnostics.Errors(e.Diagnostics);
                }
            }

            return outcome.ExitCode;
        });
        return gateCommand;
    }

    private static GateJob CommandJob(string line, int targets, string? name, FileInfo? baseline, FileInfo? session, DirectoryInfo? baselineDirectory, DirectoryInfo? outputDirectory)
    {
        if (baselineDirectory is not null || outputDirectory is not null || targets > 1)
        {
            throw Invalid("--baseline-dir, --output-dir and several --target are for budget targets; with --command give --baseline, --session and one --target");
        }

        IReadOnlyList<string> argv;
        try
        {
            argv = CommandLineSplitter.Split(line);
        }
        catch (FormatException e)
        {
            throw Invalid($"--command: {e.Message}");
        }

        return argv.Count == 0
            ? throw Invalid("the command is empty")
            : new GateJob(name, argv, null, null, baseline?.ToString(), session?.ToString() ?? "rustscope-last.json");
    }

    private static IReadOnlyList<GateJob> TargetJobs(
        GateSettings settings, IReadOnlyCollection<string> names, string? name, FileInfo? baseline, FileInfo? session, DirectoryInfo? baselineDirectory, DirectoryInfo? outputDirectory)
    {
        if (settings.Comparison.Budget is not { } budget)
        {
            throw Invalid("give --command, or --budget FILE whose targets to run");
        }

        if (name is not null || baseline is not null || session is not null)
        {
            throw Invalid("--name, --baseline and --session go with --command; for budget targets give --baseline-dir and --output-dir");
        }

        // Paths as the user wrote them, so the reports name them the same way.
        static string In(DirectoryInfo? directory, string name) => directory is null ? SafeFileName.From(name) + ".json" : Path.Combine(directory.ToString(), SafeFileName.From(name) + ".json");
        return [.. BudgetTargets.Select(budget, names).Select(t => new GateJob(t.Name, t.Command, t.Name, t.Runs, baselineDirectory is null ? null : In(baselineDirectory, t.Name), In(outputDirectory, t.Name)))];
    }

    private static async Task<GateSubject> ProfileAsync(
        GateJob job, ProfileSession? baseline, bool update, SeriesPlan plan, GateSettings settings, Isolation? isolation, bool msbuild, bool labelled, Interruption interruption, TextWriter messages)
    {
        var comparison = settings.Comparison with { Target = job.Target ?? settings.Comparison.Target };
        var sequential = plan.Adaptive is { } bounds && baseline is not null ? new SequentialStop(bounds, (b, h) => SessionComparer.Compare(b, h, comparison)) : null;
        Func<ProfileSession, bool>? enough = sequential is not null ? h => sequential.Enough(baseline!, h)
            : plan.Adaptive is { } recording ? new PrecisionStop(recording, comparison).Enough
            : null;
        var request = new RunRequest
        {
            Launch = new LaunchSpec(job.Command[0], [.. job.Command.Skip(1)]),
            Project = job.Name,

            // Under MSBuild every output line is parsed for diagnostics: the target's own output goes to a file.
            ChildOutputLog = msbuild ? Path.ChangeExtension(Path.GetFullPath(job.SessionPath), ".child.log") : null,
            Isolation = isolation,
        };
        var head = await ProfiledSeries.RunAsync(request, plan, labelled ? job.Name : null, RunView.For(RunDisplay.Lines, messages), interruption.Token, enough).ConfigureAwait(false);
        head = sequential?.Stamped(head) ?? head;
        SessionJson.Write(head, Path.GetFullPath(job.SessionPath));
        return new GateSubject(head, job.SessionPath)
        {
            Target = job.Target,
            Baseline = baseline,
            BaselinePath = job.BaselinePath,
            UpdateBaseline = update,
        };
    }

    private static InputException Invalid(string message) => DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, message);
}
