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
    public static Command Create()
    {
        var budget = new Option<FileInfo>("--budget") { Description = "The budget file whose targets to run.", DefaultValueFactory = _ => new FileInfo("rustscope.yml") };
        var target = new Option<string?>("--target") { Description = "Run only this target." };
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
            try
            {
                file = BudgetFile.Load(parse.GetValue(budget)!.FullName);
                targets = Select(file, parse.GetValue(target));
                plan = series.Plan(parse, fallbackRuns: file.Defaults.Runs);
            }
            catch (InputException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"rustscope bench: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await RunAllAsync(file, targets, plan, parse.GetValue(outputDirectory)!.FullName).ConfigureAwait(false);
        });
        return bench;
    }

    /// <summary>The targets to run: all, or the one named; each must have a command.</summary>
    /// <exception cref="InputException">No such target, or a target without a command (at its line).</exception>
    internal static IReadOnlyList<TargetBudget> Select(BudgetFile file, string? name)
    {
        var targets = name is null ? file.Targets : [.. file.Targets.Where(t => t.Name == name)];
        if (targets.Count == 0)
        {
            throw new InputException(new Diagnostic(file.Path, 1, 1, DiagnosticCodes.BudgetUnknownTarget,
                name is null ? "the budget file has no targets" : $"no target '{name}' in the budget file (targets: {string.Join(", ", file.Targets.Select(t => t.Name))})"));
        }

        var withoutCommand = targets.Where(t => t.Command.Count == 0).Select(t =>
            new Diagnostic(t.Location.File, t.Location.Line, t.Location.Column, DiagnosticCodes.BudgetMissingKey, $"target '{t.Name}' has no 'command' to run")).ToList();
        return withoutCommand.Count == 0 ? targets : throw new InputException(withoutCommand);
    }

    private static async Task<int> RunAllAsync(BudgetFile file, IReadOnlyList<TargetBudget> targets, SeriesPlan requested, string outputDirectory)
    {
        using var interruption = new Interruption();
        var exitCode = ExitCodes.Success;
        foreach (var target in targets)
        {
            var plan = requested.Adaptive is null && target.Runs is { } own ? requested with { Runs = own } : requested;
            Func<ProfileSession, bool>? enough = plan.Adaptive is { } bounds ? new PrecisionStop(bounds, new ComparisonOptions { Budget = file, Target = target.Name }).Enough : null;
            var request = new RunRequest { Launch = new LaunchSpec(target.Command[0], [.. target.Command.Skip(1)]), Project = target.Name };
            ProfileSession session;
            try
            {
                session = await ProfiledSeries.RunAsync(request, plan, target.Name, RunDisplay.Lines, interruption.Token, enough).ConfigureAwait(false);
            }
            catch (CommandNotFoundException e)
            {
                await Console.Error.WriteLineAsync($"{target.Location}: {DiagnosticCodes.BudgetBadValue}: target '{target.Name}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var path = Path.Combine(outputDirectory, SafeFileName.From(target.Name) + ".json");
            SessionJson.Write(session, path);
            // Between two targets' runs: on stdout it would land inside the children's output.
            await Console.Error.WriteLineAsync($"{target.Name}: {session.Runs.Count} runs -> {path}").ConfigureAwait(false);
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
