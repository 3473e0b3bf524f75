using System.CommandLine;
using System.Globalization;
using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics;
using RustScope.Reporters;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Json;
using RustScope.Reporters.Markdown;
using RustScope.Reporters.MSBuild;

namespace RustScope.Cli.Gate;

/// <summary>
/// What compare, check, gate and ab share after parsing: load the budget, judge, write every requested report, and
/// map the outcome to the exit code — 0 pass, 1 gate failed, 2 input error (reported with file:line:col).
/// </summary>
internal static class GateRunner
{
    public static int Run(ParseResult parse, GateOptions options, Func<ComparisonOptions, ComparisonResult> judge)
    {
        var failOn = parse.GetValue(options.FailOn);
        var msbuild = parse.GetValue(options.MSBuild);
        try
        {
            var result = judge(ComparisonOptions(parse, options));
            Report(parse, options, result, failOn, msbuild);
            return result.Failed(failOn) ? ExitCodes.GateFailed : ExitCodes.Success;
        }
        catch (InputException e)
        {
            return ReportInputErrors(e.Diagnostics, msbuild);
        }
    }

    /// <summary>The budget and the statistics overrides the command line gives.</summary>
    /// <exception cref="InputException">The budget file is broken or the threshold is not a percentage.</exception>
    public static ComparisonOptions ComparisonOptions(ParseResult parse, GateOptions options) => new()
    {
        // The path as the user wrote it: annotations and MSBuild errors must point at the repository-relative file.
        Budget = parse.GetValue(options.Budget) is { } budget ? BudgetFile.Load(budget.ToString()) : null,
        Target = parse.GetValue(options.Target),
        Alpha = parse.GetValue(options.Alpha),
        Correction = CorrectionNames.TryParse(parse.GetValue(options.Correction), out var correction) ? correction : null,
        Threshold = Threshold(parse.GetValue(options.Threshold)),
    };

    private static void Report(ParseResult parse, GateOptions options, ComparisonResult result, FailOn failOn, bool msbuild)
    {
        // Reports are read in a pull request: paths from the repository's root. MSBuild's diagnostics keep the paths
        // as given, relative to the project folder MSBuild and IDEs resolve them from.
        var shown = RepositoryPaths.Current().Show(result);
        var markdown = new MarkdownReporter(failOn);
        (FileInfo? File, IComparisonReporter Reporter)[] files =
        [
            (parse.GetValue(options.Markdown), markdown),
            (parse.GetValue(options.JUnit), new JUnitReporter(failOn)),
            (parse.GetValue(options.Json), new JsonReporter()),
        ];
        foreach (var (file, reporter) in files)
        {
            if (file is not null)
            {
                WriteReport(file.ToString(), () => reporter.WriteFile(shown, file.FullName));
            }
        }

        if (msbuild)
        {
            new MSBuildReporter(failOn).Write(result, Console.Out);
        }
        else
        {
            new ConsoleReporter(ConsoleReporter.ShouldUseColors(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR")), failOn).Write(shown, Console.Out);
        }

        // Under --msbuild the MSBuild errors already are the annotations; GitHub output would repeat every item.
        var requested = parse.GetValue(options.GitHub);
        var github = new GitHubActions(Environment.GetEnvironmentVariable);
        if (requested || (!msbuild && github.IsEnabled(requested)))
        {
            new GitHubReporter(failOn).Write(shown, Console.Out);
            WriteReport(github.StepSummaryPath ?? "GITHUB_STEP_SUMMARY", () => github.AppendStepSummary(markdown.Render(shown)));
        }
    }

    // A report that cannot be written is the user's input (a path), not a crash and not a failed gate.
    private static void WriteReport(string file, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(file, null, null, DiagnosticCodes.ReportUnwritable, $"cannot write the report: {e.Message}"));
        }
    }

    private static RegressionThreshold? Threshold(string? text) => text is null ? null
        : ThresholdRule.TryParseRelative(text, out var threshold) ? threshold
        : throw new InputException(new Diagnostic("--threshold", null, null, DiagnosticCodes.BudgetBadValue, $"'{text}' is not a percentage such as 5%"));

    /// <summary>Prints input errors (canonical MSBuild diagnostics with <c>--msbuild</c>) and returns the usage exit code.</summary>
    public static int ReportInputErrors(IEnumerable<Diagnostic> diagnostics, bool msbuild)
    {
        foreach (var diagnostic in diagnostics)
        {
            Console.Error.WriteLine(msbuild ? Canonical(diagnostic, "error") : diagnostic.ToString());
        }

        return ExitCodes.UsageError;
    }

    /// <summary>Prints a warning as a canonical line (<c>file: warning CODE: message</c>): MSBuild's ToolTask logs it as a warning, a person reads it as one.</summary>
    public static void ReportWarning(Diagnostic diagnostic) => Console.Error.WriteLine(Canonical(diagnostic, "warning"));

    /// <summary><c>file(line,col): category CODE: message</c>, the line MSBuild's ToolTask turns into an error or warning.</summary>
    public static string Canonical(Diagnostic diagnostic, string category) => diagnostic.Line is { } line
        ? System.FormattableString.Invariant($"{diagnostic.File}({line},{diagnostic.Column ?? 1}): {category} {diagnostic.Code}: {diagnostic.Message}")
        : $"{diagnostic.File}: {category} {diagnostic.Code}: {diagnostic.Message}";
}
