using RustScope.Core.Comparison;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests;

public sealed class MarkdownReporterTests
{
    [Fact]
    public void The_first_line_after_the_marker_says_what_to_do()
    {
        var lines = new MarkdownReporter().Render(Samples.Result()).Split('\n');

        Assert.Equal(MarkdownReporter.Marker, lines[0]);
        Assert.Equal("### ❌ RustScope: gate failed — 2 regressed, 1 over budget, 1 invalid, 1 inconclusive, 1 missing, 1 improved, 1 unchanged", lines[1]);
    }

    [Fact]
    public void Hostile_names_cannot_break_out_of_their_cell()
    {
        var markdown = new MarkdownReporter().Render(Samples.Result());

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", markdown, StringComparison.Ordinal);
        Assert.Contains("Shop.&lt;script&gt;alert(1)&lt;/script&gt;&#124;\\`rm -rf\\`\\]\\]&gt;", markdown, StringComparison.Ordinal);
        Assert.All(markdown.Split('\n').Where(l => l.StartsWith("| ❌", StringComparison.Ordinal)), row => Assert.Equal(10, row.Count(c => c == '|')));
    }

    [Fact]
    public void A_huge_result_is_truncated_under_the_comment_limit_with_a_note()
    {
        var many = Samples.Result() with
        {
            Targets = [new TargetComparison { Name = "big", Metrics = [.. Enumerable.Range(0, 5_000).Select(i => Samples.Result().Targets[0].Metrics[5] with { Subject = $"Namespace.Type{i}.Method{i}" })] }],
        };

        var markdown = new MarkdownReporter().Render(many);

        Assert.True(markdown.Length < MarkdownReporter.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains("more metrics not shown", markdown, StringComparison.Ordinal);
        Assert.EndsWith("</details>\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_behind_a_process_regression_are_named()
    {
        var markdown = new MarkdownReporter().Render(Samples.Result());

        Assert.Contains("**Functions behind checkout's regression:** Shop.&lt;script&gt;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_result_gets_a_green_headline()
    {
        var passing = Samples.Result() with { Targets = [new TargetComparison { Name = "t", Metrics = [Samples.Result().Targets[0].Metrics[5]] }], Warnings = [] };

        Assert.StartsWith($"{MarkdownReporter.Marker}\n### ✅ RustScope: gate passed — 1 unchanged", new MarkdownReporter().Render(passing), StringComparison.Ordinal);
        Assert.True(new MarkdownReporter(FailOn.Inconclusive).Render(Samples.Result()).Contains("❌ inconclusive", StringComparison.Ordinal));
    }
}
