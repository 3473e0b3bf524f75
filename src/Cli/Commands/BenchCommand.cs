using System.CommandLine;
using RustScope.Cli.Live;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope bench --budget rustscope.yml</c>: runs every target of the budget file with its command and runs, one session per target.</summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var budget = new Option<FileInfo>("--budget") { Description = "The budget file whose targets to run.", DefaultValueFactory = _ => new FileInfo("rustscope.yml") };
        var target = new Option<string[]>("--target") { Description = "Run only this target (repeat it for several)." };
        var outputDirectory = new Option<DirectoryInfo>("--output-dir", "-o") { Description = "Where to write TARGET.json sessions.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        // A number applies to the targets that set no runs of their own (default: the file's defaults.runs); auto to all.
        var series = new SeriesOptions(defaultRuns: 5, defaultWarmupRuns: 1);

        var bench = new Command("bench", "Run each target of a budget file with its command and runs; one session per target.")
        {
            budget, target, outputDirectory,
        };
        foreach (var option in series.All)
        {
            bench.Options.Add(option);
        }

        bench.SetAction(async (parse, _) =>
        {
            IReadOnlyList<TargetBudget> targets;
            BudgetFile file;
            SeriesPlan plan;
            var diagnostics = new DiagnosticWriter(console.Error);
            try
            {
                file = BudgetFile.Load(parse.GetValue(budget)!.ToString());
                targets = BudgetTargets.Select(file, parse.GetValue(target) ?? []);
                plan = series.Plan(parse, fallbackRuns: file.Defaults.Runs);
            }
            catch (InputException e)
            {
                return diagnostics.Errors(e.Diagnostics);
            }

            return await RunAllAsync(file, targets, plan, parse.GetValue(outputDirectory)!.FullName, console.Error, diagnostics).ConfigureAwait(false);
        });
        return bench;
    }

    private static async Task<int> RunAllAsync(BudgetFile file, IReadOnlyList<TargetBudget> targets, SeriesPlan requested, string outputDirectory, TextWriter messages, DiagnosticWriter diagnostics)
    {
        using var interruption = new Interruption();
        var exitCode = ExitCodes.Success;
        foreach (var target in targets)
        {
            var plan = requested.ForTarget(target.Runs);
            Func<ProfileSession, bool>? enough = plan.Adaptive is { } bounds ? new PrecisionStop(bounds, new ComparisonOptions { Budget = file, Target = target.Name }).Enough : null;
            var request = new RunRequest { Launch = new LaunchSpec(target.Command[0], [.. target.Command.Skip(1)]), Project = target.Name };
            ProfileSession session;
            try
            {
                session = await ProfiledSeries.RunAsync(request, plan, target.Name, RunView.For(RunDisplay.Lines, messages), interruption.Token, enough).ConfigureAwait(false);
            }
            catch (CommandNotFoundException e)
            {
                return diagnostics.Error(new Diagnostic(target.Location.File, target.Location.Line, target.Location.Column, DiagnosticCodes.BudgetBadValue, $"target '{target.Name}': {e.Message}"));
            }

            var path = Path.Combine(outputDirectory, SafeFileName.From(target.Name) + ".json");
            SessionJson.Write(session, path);
            // Between two targets' runs: on stdout it would land inside the children's output.
            // A single run keeps no runs[] of its own.
            var runs = Math.Max(session.Runs.Count, 1);
            await messages.WriteLineAsync($"{target.Name}: {runs} run{(runs == 1 ? "" : "s")} -> {path}").ConfigureAwait(false);
            if (session.Meta.ExitCode is not (null or 0) && exitCode == ExitCodes.Success)
            {
                exitCode = session.Meta.ExitCode.Value;
            }

            if (interruption.Requested)
            {
                break;
            }
        }

        return exitCode;
    }
}
