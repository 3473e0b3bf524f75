using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.GitHub;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>Head data the comparer cannot judge (a NaN run of Shop.Broken) fails the gate in every report, with its reason and no figures.</summary>
public sealed class InvalidVerdictTests
{
    private static readonly ComparisonResult Result = VerdictResults.All()["ten runs a side"];

    private static readonly MetricComparison Broken = Result.AllMetrics.First(m => m.Subject == "Shop.Broken" && m.Verdict == Verdict.Invalid);

    [Fact]
    public void The_comparer_names_the_bad_head_sample_and_shows_no_figures()
    {
        Assert.Contains("head sample #2 is NaN", Broken.Reason, StringComparison.Ordinal);
        Assert.Equal((null, null, null), (Broken.BaselineValue, Broken.HeadValue, Broken.Change));
        Assert.True(Result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void Every_report_shows_the_invalid_verdict_as_a_failure_with_its_reason()
    {
        var reports = new RenderedReports(Result);
        var subject = $"Shop.Broken {Broken.Metric}";

        var markdown = reports.MarkdownRow(subject);
        Assert.StartsWith("❌ invalid: The head sample #⁠2 is NaN", markdown[0], StringComparison.Ordinal);
        Assert.Equal(["–", "–", "–"], markdown.Skip(4).Take(3));
        Assert.Equal("invalid", reports.ConsoleRow(subject)[0]);
        Assert.Contains("invalid: The head sample #2 is NaN", reports.Console, StringComparison.Ordinal);
        Assert.Contains($"<failure message=\"{subject} invalid: {Broken.Reason}\" type=\"invalid\">", reports.JUnit, StringComparison.Ordinal);
        var json = reports.FromJson.AllMetrics.First(m => m.Subject == "Shop.Broken" && m.Metric == Broken.Metric);
        Assert.Equal((Verdict.Invalid, Broken.Reason, null), (json.Verdict, json.Reason, json.HeadValue));
        var github = ReporterApprovalTests.Render(new GitHubReporter(), Result);
        Assert.Contains($"::error title=RustScope checkout%3A {subject} invalid::{subject} invalid: {Broken.Reason}", github, StringComparison.Ordinal);
    }
}
