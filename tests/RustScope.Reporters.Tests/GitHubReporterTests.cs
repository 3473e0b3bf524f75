using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests;

public sealed class GitHubReporterTests
{
    [Fact]
    public void Annotations_point_at_the_budget_line()
    {
        var lines = ReporterApprovalTests.Render(new GitHubReporter(), Samples.Result()).Split('\n');

        Assert.StartsWith("::error file=rustscope.yml,line=12,col=7,title=RustScope checkout%3A wall_time regressed::wall_time regressed +30.0 %25", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::error file=rustscope.yml,line=12,col=20,title=RustScope checkout%3A peak_rss over budget::", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("::warning title=RustScope checkout%3A Shop.Cart.Add mean inconclusive::", StringComparison.Ordinal));
    }

    [Fact]
    public void Inconclusive_is_an_error_when_it_fails_the_gate()
    {
        var lines = ReporterApprovalTests.Render(new GitHubReporter(FailOn.Inconclusive), Samples.Result()).Split('\n');

        Assert.Contains(lines, l => l.StartsWith("::error title=RustScope checkout%3A Shop.Cart.Add mean inconclusive::", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hostile_name_stays_on_its_own_command_line()
    {
        var lines = ReporterApprovalTests.Render(new GitHubReporter(), Samples.Result()).TrimEnd('\n').Split('\n');

        Assert.All(lines, l => Assert.StartsWith("::", l, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain('\u001b', l));
        Assert.Contains(lines, l => l.Contains("(y)%0Anext p95 regressed +40.0 %25", StringComparison.Ordinal));
    }

    [Fact]
    public void Annotations_beyond_what_GitHub_shows_are_counted_in_one_notice()
    {
        var sample = Samples.Result();
        var target = sample.Targets[0];
        var regressed = target.Metrics[0];
        var many = sample with
        {
            Targets = [target with { Metrics = [.. Enumerable.Range(0, 13).Select(i => regressed with { Subject = $"F{i}", Kind = MetricKind.Function })] }],
            Warnings = [.. Enumerable.Range(0, 11).Select(i => $"warning {i}")],
        };

        var lines = ReporterApprovalTests.Render(new GitHubReporter(), many).TrimEnd('\n').Split('\n');

        Assert.Equal(GitHubReporter.AnnotationLimit, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(GitHubReporter.AnnotationLimit, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Contains("F9 wall_time", lines[9], StringComparison.Ordinal);
        Assert.Equal("::notice title=RustScope::3 more errors and 1 more warnings are not annotated (GitHub shows 10 of each per step); the job summary and the reports list them all", lines[^1]);
    }

    [Theory]
    [InlineData("100% done\r\nnext: a, b", "100%25 done%0D%0Anext: a, b", "100%25 done%0D%0Anext%3A a%2C b")]
    [InlineData("%0A", "%250A", "%250A")]
    [InlineData("bell\u0007", "bell\uFFFD", "bell\uFFFD")]
    public void Escaping_follows_the_workflow_command_rules(string text, string data, string property)
    {
        Assert.Equal(data, WorkflowCommand.Data(text));
        Assert.Equal(property, WorkflowCommand.Property(text));
    }

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, true)]
    [InlineData(false, "true", true)]
    [InlineData(false, "false", false)]
    public void It_is_on_when_asked_or_in_GitHub_Actions(bool requested, string? githubActions, bool enabled)
    {
        var actions = new GitHubActions(name => name == "GITHUB_ACTIONS" ? githubActions : null);

        Assert.Equal(enabled, actions.IsEnabled(requested));
    }

    [Fact]
    public void The_step_summary_gets_the_markdown_appended()
    {
        var summary = Path.GetTempFileName();
        File.WriteAllText(summary, "earlier step\n");
        var actions = new GitHubActions(name => name == "GITHUB_STEP_SUMMARY" ? summary : null);
        var markdown = new MarkdownReporter().Render(Samples.Result());

        Assert.True(actions.AppendStepSummary(markdown));

        Assert.Equal("earlier step\n" + markdown, File.ReadAllText(summary));
        File.Delete(summary);
    }

    [Fact]
    public void Without_a_step_summary_file_nothing_is_written()
    {
        var actions = new GitHubActions(name => name == "GITHUB_STEP_SUMMARY" ? string.Empty : null);

        Assert.Null(actions.StepSummaryPath);
        Assert.False(actions.AppendStepSummary("## report"));
    }
}
