using System.CommandLine;
using RustScope.Cli.Gate;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;
using RustScope.Reporters.Html;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope report INPUT [HEAD] -o report.html</c>: the offline HTML report of one session, or the differential
/// report of a baseline and a head with the verdicts <c>compare</c> would give. A report is not a gate: it exits 0 once
/// written, whatever the verdicts, and 2 on bad input.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<FileInfo>("input") { Description = "The session to show, or the baseline when HEAD is given (any format compare reads)." };
        var head = new Argument<FileInfo?>("head") { Description = "The head session: the report is then the difference from INPUT, with the verdicts.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The HTML file to write.", Required = true };
        var title = new Option<string?>("--title") { Description = "The page's title (default: the sessions' paths)." };
        var gate = new GateOptions();
        var report = new Command("report", "Write an offline HTML report (flamegraph, icicle, timeline, verdicts) of a session, or of a head against a baseline.")
        {
            input, head, output, title,
        };
        foreach (var option in gate.Judging)
        {
            report.Options.Add(option);
        }

        report.SetAction(parse =>
        {
            try
            {
                var (inputFile, headFile, path) = (parse.GetValue(input)!, parse.GetValue(head), parse.GetValue(output)!.ToString());
                var comparison = gate.ReadComparison(parse);
                var baseline = SessionInput.Load(inputFile.FullName);
                var headSession = headFile is null ? null : SessionInput.Load(headFile.FullName);
                var result = headSession is null && comparison.Budget is null ? null : Judge(console, comparison, inputFile, baseline, headFile, headSession);
                var shownTitle = parse.GetValue(title) ?? (result is null ? inputFile.ToString() : Gatekeeper.ReportTitle(result));
                Gatekeeper.WriteReport(path, () => HtmlReport.WriteFile(Path.GetFullPath(path), shownTitle, baseline, headSession, result));
                console.Error.WriteLine($"rustscope: report written to {RepositoryPaths.Current().Show(Path.GetFullPath(path))}");
                return ExitCodes.Success;
            }
            catch (InputException e)
            {
                return new DiagnosticWriter(console.Error).Errors(e.Diagnostics);
            }
        });
        return report;
    }

    // The same path as compare (with a head) or check (a budget alone); the verdicts are embedded, not reported.
    private static ComparisonResult Judge(CliConsole console, ComparisonOptions comparison, FileInfo inputFile, ProfileSession baseline, FileInfo? headFile, ProfileSession? headSession)
    {
        var subject = headSession is null
            ? new GateSubject(baseline, inputFile.ToString())
            : new GateSubject(headSession, headFile!.ToString()) { Baseline = baseline, BaselinePath = inputFile.ToString() };
        var settings = new GateSettings(comparison, FailOn.Regressed, [], MSBuild: false, GitHub: false);
        return RepositoryPaths.Current().Show(new Gatekeeper(console).Compare(new GateRequest { Subjects = [subject], Settings = settings }));
    }
}
