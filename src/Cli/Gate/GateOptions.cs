using System.CommandLine;
using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics;
using RustScope.Reporters;

namespace RustScope.Cli.Gate;

/// <summary>The options every gating command shares: budget, statistics overrides, and where reports go.</summary>
/// <param name="severalTargets">Whether <c>--target</c> may be given more than once (gate runs several budget targets).</param>
internal sealed class GateOptions(bool severalTargets = false)
{
    public Option<FileInfo?> Budget { get; } = new("--budget") { Description = "The budget file (rustscope.yml)." };

    public Option<string[]> Target { get; } = new("--target")
    {
        Description = severalTargets
            ? "The budget target to apply, or with budget targets the ones to run (repeat it; default all)."
            : "The budget target to apply (default: the one named like the session's project, or the only one).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>One option per file format of <see cref="ReportFormat.Files"/>: <c>--markdown FILE</c>, <c>--junit FILE</c>…</summary>
    public IReadOnlyList<(ReportFormat Format, Option<FileInfo?> Option)> Reports { get; } =
        [.. ReportFormat.Files.Select(static f => (f, new Option<FileInfo?>("--" + f.Name) { Description = $"Write {f.Title} here." }))];

    public Option<FileInfo?> Html { get; } = new("--html") { Description = "Write the offline HTML report here: flamegraphs of baseline and head, their difference and the verdicts." };

    public Option<bool> GitHub { get; } = new("--github") { Description = "Emit GitHub Actions annotations and append to the job summary (on by itself when GITHUB_ACTIONS=true)." };

    public Option<bool> MSBuild { get; } = new("--msbuild") { Description = "Print MSBuild canonical diagnostics (file(line,col): error RS2001: …) instead of the table." };

    public Option<double?> Alpha { get; } = new("--alpha") { Description = "Significance level before correction (overrides the budget file's default)." };

    public Option<string?> Correction { get; } = CorrectionOption();

    public Option<string?> Threshold { get; } = new("--threshold") { Description = "Relative noise threshold, e.g. 5% (overrides the budget file's default)." };

    public Option<FailOn> FailOn { get; } = new("--fail-on") { Description = "Fail on regressions and exceeded budgets only, or on inconclusive metrics too.", DefaultValueFactory = _ => Core.Comparison.FailOn.Regressed };

    public IEnumerable<Option> All => [Budget, Target, .. Reports.Select(static r => r.Option), Html, GitHub, MSBuild, Alpha, Correction, Threshold, FailOn];

    /// <summary>The options that decide how sessions are compared, which <see cref="ReadComparison"/> reads.</summary>
    public IEnumerable<Option> Judging => [Budget, Target, Alpha, Correction, Threshold];

    /// <summary>The settings these options give; the budget file is read here, before any run.</summary>
    /// <exception cref="InputException">The budget file is broken or the threshold is not a percentage.</exception>
    public GateSettings Read(ParseResult parse)
    {
        var reports = Reports.Select(r => (r.Format, File: parse.GetValue(r.Option))).Where(static r => r.File is not null).Select(static r => (r.Format, r.File!.ToString())).ToList();
        return new GateSettings(ReadComparison(parse), parse.GetValue(FailOn), reports, parse.GetValue(MSBuild), parse.GetValue(GitHub)) { Html = parse.GetValue(Html)?.ToString() };
    }

    /// <summary>
    /// How to compare, from the options of <see cref="Judging"/> alone: budget, target and statistics (what
    /// <c>report</c> shares with the gate, which reports nothing else).
    /// </summary>
    /// <exception cref="InputException">The budget file is broken or the threshold is not a percentage.</exception>
    public ComparisonOptions ReadComparison(ParseResult parse)
    {
        var targets = parse.GetValue(Target) ?? [];
        if (targets.Length > 1 && !severalTargets)
        {
            throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, "give --target once: one budget target applies");
        }

        return new ComparisonOptions
        {
            // The path as the user wrote it: annotations and MSBuild errors must point at the repository-relative file.
            Budget = parse.GetValue(Budget) is { } budget ? BudgetFile.Load(budget.ToString()) : null,
            Target = targets is [var target] ? target : null,
            Alpha = parse.GetValue(Alpha),
            Correction = CorrectionNames.TryParse(parse.GetValue(Correction), out var correction) ? correction : null,
            Threshold = ParseThreshold(parse.GetValue(Threshold)),
        };
    }

    /// <summary>
    /// Reads the settings, then the sessions to judge (loading them may fail), and judges them: all that compare and
    /// check do. Returns the exit code.
    /// </summary>
    public int Judge(ParseResult parse, CliConsole console, Func<IReadOnlyList<GateSubject>> subjects)
    {
        try
        {
            var settings = Read(parse);
            return new Gatekeeper(console).Judge(new GateRequest { Subjects = subjects(), Settings = settings }).ExitCode;
        }
        catch (InputException e)
        {
            return new DiagnosticWriter(console.Error, parse.GetValue(MSBuild)).Errors(e.Diagnostics);
        }
    }

    private static RegressionThreshold? ParseThreshold(string? text) => text is null ? null
        : ThresholdRule.TryParseRelative(text, out var threshold) ? threshold
        : throw new InputException(new Diagnostic("--threshold", null, null, DiagnosticCodes.BudgetBadValue, $"'{text}' is not a percentage such as 5%"));

    private static Option<string?> CorrectionOption()
    {
        var option = new Option<string?>("--correction") { Description = "Multiple-comparison correction across every metric: benjamini-hochberg (default) or holm (overrides the budget file's default)." };
        option.AcceptOnlyFromAmong([.. CorrectionNames.All]);
        return option;
    }
}
