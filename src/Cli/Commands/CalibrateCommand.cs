using System.CommandLine;
using RustScope.Cli.Calibration;
using RustScope.Cli.Gate;
using RustScope.Cli.Series;
using RustScope.Collectors;
using RustScope.Collectors.Process;
using RustScope.Core.Budgets;
using RustScope.Core.Calibration;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope calibrate -- &lt;cmd&gt;</c> or <c>rustscope calibrate --budget rustscope.yml</c>: runs each command as
/// A/A, interleaved like <c>rustscope ab</c>, and writes how noisy each gated metric is on this machine — the smallest
/// change it can show, the runs a side its threshold needs, and whether it is too noisy to gate on.
/// </summary>
internal static class CalibrateCommand
{
    private const string DefaultOutput = "rustscope-calibration.json";

    public static Command Create(CliConsole console)
    {
        var command = new Argument<string[]>("command") { Description = "The command to calibrate and its arguments (after --); without it, every target of --budget.", Arity = ArgumentArity.ZeroOrMore };
        // Three pairs at least: the drift compares two halves, and a spread needs more than one difference.
        var series = new SeriesOptions(defaultRuns: 10, defaultWarmupRuns: 1, minimumRuns: 3, adaptive: false);
        var baseline = new Option<FileInfo?>("--baseline") { Description = "The baseline the calibration belongs to: written beside it as B.calibration.json." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = $"Where to write the calibration (default: beside --baseline, else the budget's 'calibration', else {DefaultOutput})." };
        var hz = new SamplingRateOption();
        var gate = new GateOptions();
        var isolate = new IsolateOptions();
        var calibrate = new Command("calibrate", "Run a command as A/A (interleaved like ab) and measure each gated metric's noise: the smallest change it can show, the runs its threshold needs, and whether it is too noisy to gate on this machine.")
        {
            command, baseline, output, hz.Option, gate.Budget, gate.Target, gate.Alpha, gate.Threshold,
        };
        isolate.AddTo(calibrate);
        foreach (var option in series.All)
        {
            calibrate.Options.Add(option);
        }

        calibrate.SetAction(async (parse, _) =>
        {
            var diagnostics = new DiagnosticWriter(console.Error);
            SeriesPlan plan;
            double rate;
            ComparisonOptions options;
            Isolation? isolation;
            IReadOnlyList<CalibrationJob> jobs;
            try
            {
                plan = series.Plan(parse);
                rate = hz.Read(parse);
                options = gate.Read(parse).Comparison;
                isolation = isolate.Read(parse);
                jobs = Jobs(parse.GetValue(command) ?? [], options, parse.GetValue(output), parse.GetValue(baseline));
            }
            catch (InputException e)
            {
                return diagnostics.Errors(e.Diagnostics);
            }

            if (jobs.Select(j => (j.Output, Problem: OutputLocation.Problem(j.Output))).FirstOrDefault(j => j.Problem is not null) is { Problem: { } problem } unwritable)
            {
                return diagnostics.Error(new Diagnostic(unwritable.Output, null, null, DiagnosticCodes.ReportUnwritable, problem));
            }

            return await RunAsync(jobs, plan, rate, isolation, options, console).ConfigureAwait(false);
        });
        return calibrate;
    }

    private static IReadOnlyList<CalibrationJob> Jobs(string[] argv, ComparisonOptions options, FileInfo? output, FileInfo? baseline)
    {
        // An --alpha that is no significance level fails here, before minutes of runs.
        _ = new BudgetRules(options.Budget, null, options);

        // -o, then beside the baseline, then what the budget names, then the default.
        string OutputFor(TargetBudget? target) => Path.GetFullPath(output?.FullName
            ?? (baseline is null ? null : Path.ChangeExtension(baseline.FullName, ".calibration.json"))
            ?? target?.Calibration ?? options.Budget?.Defaults.Calibration ?? DefaultOutput);

        if (argv.Length > 0)
        {
            var name = options.Target ?? ProjectName.For(argv[0], argv[1..]);
            var target = BudgetRules.SelectTarget(options.Budget, options.Target, name, []);
            return [new CalibrationJob(target?.Name ?? name, argv, target?.Name, OutputFor(target))];
        }

        if (options.Budget is not { } budget)
        {
            throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, "give the command to calibrate after --, or --budget FILE to calibrate its targets");
        }

        return [.. BudgetTargets.Select(budget, options.Target is { } only ? [only] : []).Select(t => new CalibrationJob(t.Name, t.Command, t.Name, OutputFor(t)))];
    }

    private static async Task<int> RunAsync(IReadOnlyList<CalibrationJob> jobs, SeriesPlan plan, double hz, Isolation? isolation, ComparisonOptions options, CliConsole console)
    {
        using var interruption = new Interruption();
        var calibrated = new List<(CalibrationJob Job, TargetCalibration Calibration, HostInfo? Host)>();
        foreach (var job in jobs)
        {
            var request = new RunRequest { Launch = new LaunchSpec(job.Command[0], [.. job.Command.Skip(1)]), Hz = hz, Project = job.Name, Isolation = isolation };
            var caller = $"rustscope calibrate: {TerminalText.Neutralize(job.Name, TextCap.Name)}";
            if (await AbSeries.InterleaveAsync(plan, request, request, (caller, console.Error), ("a", "a'"), interruption).ConfigureAwait(false) is not { } sessions)
            {
                return ExitCodes.UsageError;
            }

            if (AbSeries.Problem(sessions, interruption, ("the command", "the command")) is { } problem)
            {
                // A failing command's timings are no measure of its noise: nothing is written.
                await console.Error.WriteLineAsync($"{caller}: {problem}; no calibration written").ConfigureAwait(false);
                return ExitCodes.UsageError;
            }

            var metrics = NoiseCalibration.Analyze(sessions.Base, sessions.Head, options with { Target = job.Target }, out var alpha);
            var calibration = new TargetCalibration
            {
                Name = job.Name,
                Command = job.Command,
                RunsPerSide = sessions.Base.Runs.Count,
                WarmupRuns = plan.WarmupRuns,
                Alpha = alpha,
                Power = RunsNeededEstimate.Power,
                MaxRunsPerSide = NoiseCalibration.MaxRunsPerSide,
                Isolation = isolation,
                Metrics = metrics,
            };
            await console.Out.WriteAsync(CalibrationTable.Render(calibration)).ConfigureAwait(false);
            calibrated.Add((job, calibration, sessions.Head.Meta.Host));
        }

        foreach (var file in calibrated.GroupBy(c => c.Job.Output))
        {
            CalibrationJson.Write(new CalibrationFile
            {
                CreatedTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                ToolVersion = SessionAssembler.ToolVersion,
                Host = file.First().Host,
                Targets = [.. file.Select(c => c.Calibration)],
            }, file.Key);
            await console.Error.WriteLineAsync($"rustscope calibrate: {TerminalText.Neutralize($"{string.Join(", ", file.Select(c => TextCap.Of(c.Job.Name)))} -> {file.First().Job.Output}", TextCap.Line)}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
