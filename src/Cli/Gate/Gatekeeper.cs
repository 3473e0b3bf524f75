using System.Runtime.ExceptionServices;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;
using RustScope.Reporters;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.Html;
using RustScope.Reporters.Markdown;
using RustScope.Reporters.MSBuild;

namespace RustScope.Cli.Gate;

/// <summary>
/// The one path through the gate that compare, check, gate, ab and the GitHub Action take: each head is compared
/// with its baseline, or checked against the budget alone when it has none (with a warning when one was expected) or
/// is replacing it; the verdicts are reported once, in every format asked for; the outcome maps to the exit code —
/// 0 passed, 1 failed, 2 input error (located, file:line:col).
/// </summary>
internal sealed class Gatekeeper(CliConsole console)
{
    /// <summary>The baseline kept at <paramref name="path"/>, read before any run; null when there is none yet or it is to be replaced.</summary>
    /// <exception cref="InputException">The baseline exists but cannot be read.</exception>
    public static ProfileSession? ReadBaseline(string? path, bool update) =>
        !update && path is not null && File.Exists(path) ? SessionInput.Load(Path.GetFullPath(path)) : null;

    /// <summary>Judges every subject of <paramref name="request"/>, reports and returns the outcome.</summary>
    public GateOutcome Judge(GateRequest request)
    {
        var settings = request.Settings;
        try
        {
            var result = Compare(request);
            var reports = Report(result, request);
            return new GateOutcome(result, result.Failed(settings.FailOn) ? ExitCodes.GateFailed : ExitCodes.Success, reports);
        }
        catch (InputException e)
        {
            return new GateOutcome(null, new DiagnosticWriter(console.Error, settings.MSBuild).Errors(e.Diagnostics), []);
        }
    }

    /// <summary>
    /// The verdicts on every subject of <paramref name="request"/>, merged into one result, without reporting them
    /// (warnings found on the way are printed): what <see cref="Judge"/> reports and <c>report</c> embeds.
    /// </summary>
    /// <exception cref="InputException">A budget target is unknown, or a baseline cannot be written.</exception>
    public ComparisonResult Compare(GateRequest request)
    {
        var diagnostics = new DiagnosticWriter(console.Error, request.Settings.MSBuild);
        var result = Merge([.. request.Subjects.Select(subject => JudgeOne(subject, request, diagnostics))]);
        return request.Warnings.Count == 0 ? result : result with { Warnings = [.. result.Warnings, .. request.Warnings.Select(static w => w.Message)] };
    }

    private ComparisonResult JudgeOne(GateSubject subject, GateRequest request, DiagnosticWriter diagnostics)
    {
        var options = request.Settings.Comparison with { HeadName = subject.HeadName, Target = subject.Target ?? request.Settings.Comparison.Target };
        if (subject.UpdateBaseline && subject.BaselinePath is { } update)
        {
            SessionJson.Write(subject.Head, Path.GetFullPath(update));

            // Under MSBuild rustscope's standard output is the build log's (the target's own goes to a file), and only
            // it is shown at the default verbosity.
            (request.Settings.MSBuild ? console.Out : console.Error).WriteLine($"rustscope: baseline written to {RepositoryPaths.Current().Show(Path.GetFullPath(update))}");
            return SessionComparer.Check(subject.Head, options);
        }

        if (subject.Baseline is { } baseline)
        {
            return SessionComparer.Compare(baseline, subject.Head, options with { BaselineName = subject.BaselinePath });
        }

        var checkedOnly = SessionComparer.Check(subject.Head, options);
        if (subject.BaselinePath is not { } missing)
        {
            return checkedOnly;
        }

        // On the terminal now, and in every report: a PR comment must not look like a comparison that passed.
        var warning = new Diagnostic(missing, null, null, DiagnosticCodes.BaselineMissing, $"no baseline yet, so only absolute budgets were checked; create it with: {request.CreateBaseline}");
        diagnostics.Warning(warning);
        return checkedOnly with { Warnings = [.. checkedOnly.Warnings, warning.Format(DiagnosticSeverity.Warning, msbuild: false)] };
    }

    // Several targets are one report: one comment, one JUnit file, one exit code.
    private static ComparisonResult Merge(IReadOnlyList<ComparisonResult> results) => results.Count == 1 ? results[0] : results[0] with
    {
        Baseline = results.All(static r => r.Baseline is null) ? null : string.Join(", ", results.Select(static r => r.Baseline ?? "(none)")),
        Head = string.Join(", ", results.Select(static r => r.Head)),
        Targets = [.. results.SelectMany(static r => r.Targets)],
        Sequential = null,
        Warnings = [.. results.SelectMany(static r => r.Warnings).Distinct()],
    };

    private List<string> Report(ComparisonResult result, GateRequest request)
    {
        // Reports are read in a pull request: paths from the repository's root. MSBuild's diagnostics keep the paths
        // as given, relative to the project folder MSBuild and IDEs resolve them from.
        var settings = request.Settings;
        var paths = RepositoryPaths.Current();
        var shown = paths.Show(result);
        var written = new List<string>();
        var reports = new List<Action>();
        foreach (var (format, path) in settings.Reports)
        {
            reports.Add(() => WriteReport(path, () => ReporterCatalog.ForFile(format, settings.FailOn, FullReportFrom(Path.GetDirectoryName(Path.GetFullPath(path)), settings.Html)).WriteFile(shown, Path.GetFullPath(path))));
            written.Add(path);
        }

        if (settings.Html is { } html)
        {
            // One page shows one pair of sessions: the first subject's, with every target's verdicts.
            var subject = request.Subjects[0];
            reports.Add(() => WriteReport(html, () => HtmlReport.WriteFile(Path.GetFullPath(html), ReportTitle(shown), subject.Baseline ?? subject.Head, subject.Baseline is null ? null : subject.Head, shown)));
            written.Add(html);
        }

        // The terminal's part is rendered beside the files but printed only once they are all written: a report that
        // cannot be written still ends the command with its error alone.
        using var terminal = new DeferredWriter(console.Out);
        reports.Add(settings.MSBuild
            ? () => new MSBuildReporter(settings.FailOn).Write(result, terminal)
            : () => new ConsoleReporter(ConsoleReporter.ShouldUseColors(console.IsOutputRedirected, console.Environment("NO_COLOR")), settings.FailOn).Write(shown, terminal));
        RunAll(reports);
        terminal.CopyToTarget();

        // Under --msbuild the MSBuild errors already are the annotations; GitHub output would repeat every item.
        var github = new GitHubActions(console.Environment);
        if (settings.GitHub || (!settings.MSBuild && github.IsEnabled(settings.GitHub)))
        {
            new GitHubReporter(settings.FailOn).Write(shown, console.Out);
            var fullReport = settings.Html is null ? null : paths.Show(Path.GetFullPath(settings.Html));
            WriteReport(github.StepSummaryPath ?? "GITHUB_STEP_SUMMARY", () => github.AppendStepSummary(new MarkdownReporter(settings.FailOn, fullReport: fullReport).Render(shown)));
        }

        return written;
    }

    // Every report renders the same finished result and owns its output, so they run side by side on the cores there are:
    // the JUnit and JSON files of 70 000 metrics cost about the same, and the command waits for the slower one instead of
    // both. Every report is attempted; the first one (in the order asked for) that failed is the error the command gives.
    private static void RunAll(List<Action> reports)
    {
        var failures = new ExceptionDispatchInfo?[reports.Count];
        Parallel.For(0, reports.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                reports[i]();
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        Array.Find(failures, static f => f is not null)?.Throw();
    }

    /// <summary>The HTML report's title: what was judged, as the reports name it.</summary>
    public static string ReportTitle(ComparisonResult result) => result.Baseline is null ? result.Head : $"{result.Head} vs {result.Baseline}";

    // The Markdown report names the HTML report relative to itself: beside it, the file name alone.
    private static string? FullReportFrom(string? markdownDirectory, string? html) =>
        html is null ? null : Path.GetRelativePath(markdownDirectory ?? ".", Path.GetFullPath(html));

    /// <summary>Runs <paramref name="write"/>: a report that cannot be written is the user's input (a path), not a crash and not a failed gate.</summary>
    /// <exception cref="InputException">The report <paramref name="file"/> cannot be written.</exception>
    public static void WriteReport(string file, Action write)
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
}
