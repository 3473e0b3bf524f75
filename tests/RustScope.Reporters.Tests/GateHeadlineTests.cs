using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Console;
using RustScope.Reporters.Formatting;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests;

/// <summary>The headline word: a metric the runs left undecided is never reported as a pass.</summary>
public sealed class GateHeadlineTests
{
    private static readonly ComparisonResult Undecided = Samples.Result() with
    {
        Targets = [new TargetComparison { Name = "checkout", Metrics = [.. Samples.Result().AllMetrics.Where(m => m.Verdict is Verdict.Inconclusive or Verdict.Unchanged)] }],
    };

    [Fact]
    public void An_undecided_metric_makes_the_gate_not_decided_with_the_runs_that_would_decide_it()
    {
        Assert.False(Undecided.Failed(FailOn.Regressed));
        Assert.Equal("not decided (about 24 runs a side would decide it)", GateHeadline.Describe(Undecided, FailOn.Regressed));
        Assert.StartsWith("### ⚠️ RustScope: gate not decided (about 24 runs a side would decide it) — ", new MarkdownReporter().Render(Undecided), StringComparison.Ordinal);
        Assert.StartsWith("RustScope: gate not decided (about 24 runs a side would decide it) — ", ReporterApprovalTests.Render(new ConsoleReporter(colors: false), Undecided), StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_inconclusive_makes_it_a_failure_and_a_decided_result_a_pass()
    {
        Assert.Equal("failed", GateHeadline.Describe(Undecided, FailOn.Inconclusive));
        var decided = Undecided with { Targets = [new TargetComparison { Name = "checkout", Metrics = [.. Undecided.AllMetrics.Where(m => m.Verdict == Verdict.Unchanged)] }] };
        Assert.Equal("passed", GateHeadline.Describe(decided, FailOn.Regressed));
    }

    [Fact]
    public void A_wall_time_the_machine_moved_passes_even_under_fail_on_inconclusive_and_the_headline_counts_it()
    {
        var moved = Samples.Result() with { Targets = [Samples.Result().Targets.Single(t => t.Name == "search")] };

        Assert.Equal("passed", GateHeadline.Describe(moved, FailOn.Inconclusive));
        Assert.Equal("1 environment changed, 1 unchanged", VerdictCounts.Describe(moved));
    }
}
