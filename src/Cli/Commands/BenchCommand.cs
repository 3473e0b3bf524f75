using System.CommandLine;
using System.Runtime.InteropServices;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Collectors.Series;
using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;
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
        var warmupRuns = new Option<int>("--warmup-runs") { Description = "Discarded runs before the measured ones.", DefaultValueFactory = _ => 1 };

        var bench = new Command("bench", "Run each target of a budget file with its command and runs; one session per target.")
        {
            budget, target, outputDirectory, warmupRuns,
        };
        bench.SetAction(async (parse, _) =>
        {
            IReadOnlyList<TargetBudget> targets;
            BudgetFile file;
            try
            {
                file = BudgetFile.Load(parse.GetValue(budget)!.FullName);
                targets = Select(file, parse.GetValue(target));
            }
            catch (InputException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            return await RunAllAsync(file, targets, parse.GetValue(outputDirectory)!.FullName, Math.Max(0, parse.GetValue(warmupRuns))).ConfigureAwait(false);
        });
        return bench;
    }

    private static IReadOnlyList<TargetBudget> Select(BudgetFile file, string? name)
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

    private static async Task<int> RunAllAsync(BudgetFile file, IReadOnlyList<TargetBudget> targets, string outputDirectory, int warmupRuns)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        var exitCode = ExitCodes.Success;
        foreach (var target in targets)
        {
            var plan = new SeriesPlan(target.Runs ?? file.Defaults.Runs, warmupRuns);
            var request = new RunRequest { Launch = new LaunchSpec(target.Command[0], [.. target.Command.Skip(1)]), Project = target.Name };
            ProfileSession session;
            try
            {
                session = await RunSeries.RunAsync(plan.Runs, plan.WarmupRuns, (position, warmup) =>
                {
                    Console.Error.WriteLine($"{plan.Describe(position, warmup)} ({target.Name})");
                    return RunCommand.ProfileOnceAsync(request, useTui: false, interrupt.Token);
                }, interrupt.Token).ConfigureAwait(false);
            }
            catch (CommandNotFoundException e)
            {
                await Console.Error.WriteLineAsync($"{target.Location}: {DiagnosticCodes.BudgetBadValue}: target '{target.Name}': {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var path = Path.Combine(outputDirectory, SafeFileName(target.Name) + ".json");
            SessionJson.Write(session, path);
            Console.Out.WriteLine($"{target.Name}: {session.Runs.Count} runs -> {path}");
            if (session.Meta.ExitCode is not (null or 0) && exitCode == ExitCodes.Success)
            {
                exitCode = session.Meta.ExitCode.Value;
            }

            if (interrupt.IsCancellationRequested)
            {
                break;
            }
        }

        return exitCode;

        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }
    }

    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
