using RustScope.Core.Comparison;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests;

public sealed class MarkdownReporterTests
{
    [Fact]
    public void The_first_line_says_what_to_do_and_the_last_carries_the_hidden_marker()
    {
        var lines = new MarkdownReporter().Render(Samples.Result()).Split('\n');

        Assert.Equal("### ❌ RustScope: gate failed — 2 regressed, 1 over budget, 1 invalid, 1 inconclusive, 1 environment changed, 1 missing, 1 new, 1 improved, 2 unchanged, 2 not judged", lines[0]);
        Assert.Equal([MarkdownReporter.Marker, string.Empty], lines[^2..]);
    }

    [Fact]
    public void Hostile_names_cannot_break_out_of_their_cell()
    {
        var markdown = new MarkdownReporter().Render(Samples.Result());

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", markdown, StringComparison.Ordinal);
        Assert.Contains("Shop.&lt;script&gt;alert(1)&lt;/script&gt;&#124;\\`rm -rf\\`\\]\\]&gt;", markdown, StringComparison.Ordinal);
        Assert.All(markdown.Split('\n').Where(l => l.StartsWith("| ❌", StringComparison.Ordinal)), row => Assert.Equal(11, row.Count(c => c == '|')));
    }

    [Fact]
    public void A_huge_result_is_truncated_under_the_comment_limit_with_a_note()
    {
        var markdown = new MarkdownReporter().Render(Many(Samples.Result().Targets[0].Metrics[5], 5_000));

        Assert.InRange(markdown.Length, MarkdownReporter.GitHubCommentLimit - 2_000, MarkdownReporter.GitHubCommentLimit);
        Assert.Contains("more metrics not shown: a GitHub comment is limited to 65536 characters", markdown, StringComparison.Ordinal);
        Assert.EndsWith($"</details>\n\n{MarkdownReporter.Marker}\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_regressions_are_truncated_too_and_the_headline_still_counts_them_all()
    {
        var markdown = new MarkdownReporter().Render(Many(Samples.Result().Targets[0].Metrics[1], 5_000));

        Assert.True(markdown.Length <= MarkdownReporter.GitHubCommentLimit, $"{markdown.Length} characters");
        Assert.Contains("— 5000 regressed", markdown.Split('\n')[0], StringComparison.Ordinal);
        Assert.EndsWith(MarkdownReporter.Marker + "\n", markdown, StringComparison.Ordinal);
        Assert.Contains("more failing metrics not shown", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public void Any_limit_is_respected(int limit)
    {
        var markdown = new MarkdownReporter(maxLength: limit).Render(Many(Samples.Result().Targets[0].Metrics[3], 1_000));

        Assert.True(markdown.Length <= limit, $"{markdown.Length} characters");
        Assert.StartsWith("### ⚠️ RustScope: gate not decided", markdown, StringComparison.Ordinal);
        Assert.Contains(") — 1000 inconclusive", markdown.Split('\n')[0], StringComparison.Ordinal);
        Assert.EndsWith(MarkdownReporter.Marker + "\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Paths_are_escaped_as_text_not_put_in_code_spans_where_escapes_would_show()
    {
        var result = Samples.Result() with { Head = "perf/head_run.json", BudgetFile = "my_budget.yml" };

        var markdown = new MarkdownReporter().Render(result);

        Assert.Contains("perf/head\\_run.json compared with perf/baseline.json", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("`perf/head", markdown, StringComparison.Ordinal);
        Assert.Contains("· rustscope.yml:12:7 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_changes_read_as_infinity()
    {
        var markdown = new MarkdownReporter().Render(Samples.WithInfiniteChange());

        Assert.Contains("| 0 B | 512 B | ∞ | [+400.0 %, ∞] | n/a |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_behind_a_process_regression_are_named()
    {
        var markdown = new MarkdownReporter().Render(Samples.Result());

        Assert.Contains("**Functions behind checkout's regression:** Shop.&lt;script&gt;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_ten_culprits_are_named()
    {
        var result = Many(Samples.Result().Targets[0].Metrics[1], 25);
        result = result with { Targets = [result.Targets[0] with { Metrics = [Samples.Result().Targets[0].Metrics[0], .. result.Targets[0].Metrics] }] };

        var culprits = new MarkdownReporter().Render(result).Split('\n').Single(l => l.StartsWith("**Functions behind", StringComparison.Ordinal));

        Assert.EndsWith(" and 15 more", culprits, StringComparison.Ordinal);
        Assert.Equal(10, culprits.Split("(p95 ").Length - 1);
    }

    [Fact]
    public void A_passing_result_gets_a_green_headline()
    {
        var passing = Samples.Result() with { Targets = [new TargetComparison { Name = "t", Metrics = [Samples.Result().Targets[0].Metrics[5]] }], Warnings = [] };

        Assert.StartsWith($"### ✅ RustScope: gate passed — 1 unchanged", new MarkdownReporter().Render(passing), StringComparison.Ordinal);
        Assert.True(new MarkdownReporter(FailOn.Inconclusive).Render(Samples.Result()).Contains("❌ inconclusive", StringComparison.Ordinal));
    }

    private static ComparisonResult Many(MetricComparison metric, int count) => Samples.Result() with
    {
        Targets = [new TargetComparison { Name = "big", Metrics = [.. Enumerable.Range(0, count).Select(i => metric with { Subject = $"Namespace.Type{i}.Method{i}" })] }],
    };
}
