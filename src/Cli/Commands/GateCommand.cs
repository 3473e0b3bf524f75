using System.CommandLine;
using RustScope.Cli.Gate;
using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope gate --name checkout --command "dotnet app.dll --bench" --runs 5 --baseline perf/baseline.json --budget rustscope.yml</c>:
/// profiles a command N times, then compares it with its baseline (or records the baseline) and checks its budget —
/// run, compare and check in one step, the way the MSBuild task and the GitHub Action call it.
/// </summary>
internal static class GateCommand
{
    public static Command Create()
    {
        var command = new Option<string>("--command") { Description = "The command to profile, one string split like a shell would but never run by one.", Required = true };
        var name = new Option<string?>("--name") { Description = "The target's name: the session's project and the budget target it is judged under." };
        var series = new SeriesOptions(defaultRuns: 5, defaultWarmupRuns: 1);
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The baseline session to compare with (absent: only absolute budgets are checked)." };
        var updateBaseline = new Option<bool>("--update-baseline") { Description = "Write the new session to --baseline instead of comparing with it." };
        var session = new Option<FileInfo>("--session") { Description = "Where to write the head session.", DefaultValueFactory = _ => new FileInfo("rustscope-last.json") };
        var gate = new GateOptions();
        var isolate = new IsolateOptions();
        var gateCommand = new Command("gate", "Profile a command N times, then compare with its baseline and check its budget; exit 1 when the gate fails.")
        {
            command, name, baseline, updateBaseline, session,
        };
        isolate.AddTo(gateCommand);
        foreach (var option in series.All.Concat(gate.All))
        {
            gateCommand.Options.Add(option);
        }

        gateCommand.SetAction(async (parse, _) =>
        {
            var msbuild = parse.GetValue(gate.MSBuild);
            var baselineFile = parse.GetValue(baseline);
            if (parse.GetValue(updateBaseline) && baselineFile is null)
            {
                return GateRunner.ReportInputErrors([Problem("--update-baseline needs --baseline")], msbuild);
            }

            IReadOnlyList<string> argv;
            SeriesPlan plan;
            Isolation? isolation;
            try
            {
                argv = CommandLineSplitter.Split(parse.GetValue(command)!);
                plan = series.Plan(parse);
                isolation = isolate.Read(parse);
            }
            catch (FormatException e)
            {
                return GateRunner.ReportInputErrors([Problem(e.Message)], msbuild);
            }

            Func<ProfileSession, bool>? enough;
            SequentialStop? sequential = null;
            ProfileSession? reference;
            try
            {
                // A broken budget or baseline fails before minutes of profiling, not after; the baseline is read once.
                var comparison = GateRunner.ComparisonOptions(parse, gate);
                reference = !parse.GetValue(updateBaseline) && baselineFile is { Exists: true } ? SessionInput.Load(baselineFile.FullName) : null;
                sequential = plan.Adaptive is { } bounds && reference is not null ? new SequentialStop(bounds, (b, h) => SessionComparer.Compare(b, h, comparison)) : null;
                enough = sequential is not null ? h => sequential.Enough(reference!, h)
                    : plan.Adaptive is { } recording ? new PrecisionStop(recording, comparison).Enough
                    : null;
            }
            catch (InputException e)
            {
                return GateRunner.ReportInputErrors(e.Diagnostics, msbuild);
            }

            // Before minutes of profiling, so the warning leads the output.
            var debugBuild = UnoptimizedBuild.Check(argv, msbuild ? "build it with dotnet build -c Release -t:RustScopeProfile" : "build it with -c Release");
            if (debugBuild is not null)
            {
                GateRunner.ReportWarning(debugBuild);
            }

            var sessionPath = parse.GetValue(session)!.FullName;
            var request = new RunRequest
            {
                Launch = argv.Count > 0 ? new LaunchSpec(argv[0], [.. argv.Skip(1)]) : null,
                Project = parse.GetValue(name),

                // Under MSBuild every output line is parsed for diagnostics: the target's own output goes to a file.
                ChildOutputLog = msbuild ? Path.ChangeExtension(sessionPath, ".child.log") : null,
                Isolation = isolation,
            };
            if (request.Launch is null)
            {
                return GateRunner.ReportInputErrors([Problem("the command is empty")], msbuild);
            }

            ProfileSession head;
            try
            {
                head = await ProfileAsync(request, plan, enough).ConfigureAwait(false);
            }
            catch (Exception e) when (e is CommandNotFoundException or SeriesFailedException)
            {
                return GateRunner.ReportInputErrors([Problem(e.Message)], msbuild);
            }
            catch (InputException e)
            {
                // --runs auto's looks judge the budget's rules (an unknown --target, say): input, not a failed gate.
                return GateRunner.ReportInputErrors(e.Diagnostics, msbuild);
            }

            head = sequential?.Stamped(head) ?? head;
            SessionJson.Write(head, sessionPath);
            return GateRunner.Run(parse, gate, options =>
            {
                var result = Judge(head, baselineFile, reference, parse.GetValue(updateBaseline), msbuild, options with { HeadName = parse.GetValue(session)!.ToString() });
                return debugBuild is null ? result : result with { Warnings = [.. result.Warnings, debugBuild.Message] };
            });
        });
        return gateCommand;
    }

    /// <param name="reference">The baseline session, read before the runs; null when there is none to compare with.</param>
    private static ComparisonResult Judge(ProfileSession head, FileInfo? baseline, ProfileSession? reference, bool update, bool msbuild, ComparisonOptions options)
    {
        if (update)
        {
            SessionJson.Write(head, baseline!.FullName);

            // Under MSBuild rustscope's standard output is the build log's (the target's own goes to a file), and only
            // it is shown at the default verbosity.
            (msbuild ? Console.Out : Console.Error).WriteLine($"rustscope: baseline written to {RepositoryPaths.Current().Show(baseline.FullName)}");
            return SessionComparer.Check(head, options);
        }

        if (reference is null)
        {
            if (baseline is not null)
            {
                var create = msbuild ? "dotnet build -c Release -t:RustScopeProfile -p:RustScopeUpdateBaseline=true" : "the same command with --update-baseline";
                GateRunner.ReportWarning(
                    new Diagnostic(baseline.ToString(), null, null, DiagnosticCodes.BaselineMissing, $"no baseline yet, so only absolute budgets were checked; create it with: {create}"));
            }

            return SessionComparer.Check(head, options);
        }

        return SessionComparer.Compare(reference, head, options with { BaselineName = baseline!.ToString() });
    }

    private static async Task<ProfileSession> ProfileAsync(RunRequest request, SeriesPlan plan, Func<ProfileSession, bool>? enough)
    {
        using var interruption = new Interruption();
        return await ProfiledSeries.RunAsync(request, plan, label: null, RunDisplay.Lines, interruption.Token, enough).ConfigureAwait(false);
    }

    private static Diagnostic Problem(string message) => new("rustscope", null, null, DiagnosticCodes.CommandInvalid, message);
}
