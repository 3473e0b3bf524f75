using RustScope.Core.Budgets;
using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Comparison;

/// <summary>cpu_time is compared beside wall_time; cpu_mean, which moves opposite to wall time under load, is shown and never judged.</summary>
public sealed class MachineLoadMetricsTests
{
    private static ComparisonOptions Options(string? budget = null) =>
        new() { Budget = budget is null ? null : BudgetFile.Parse(budget, "rustscope.yml"), BaselineName = "base.json", HeadName = "head.json" };

    private static MetricComparison Metric(ComparisonResult result, string metric) =>
        Assert.Single(result.AllMetrics, m => m.Metric == metric && m.Subject is null);

    [Fact]
    public void Cpu_seconds_are_compared_by_default_and_a_30_percent_rise_is_a_regression()
    {
        var result = SessionComparer.Compare(WithRuns(10, cpuScale: 1), WithRuns(10, cpuScale: 1.3), Options());

        var cpu = Metric(result, "cpu_time");
        Assert.Equal(Verdict.Regressed, cpu.Verdict);
        Assert.Equal(("s", "runs", 10), (cpu.Unit, cpu.Samples, cpu.HeadN));
        Assert.InRange(cpu.Change!.Value, 0.25, 0.35);
        Assert.Equal(Verdict.Unchanged, Metric(result, "wall_time").Verdict);
    }

    [Fact]
    public void A_session_recorded_before_cpu_seconds_were_kept_has_no_cpu_time_rather_than_zeros()
    {
        var result = SessionComparer.Compare(WithRuns(10), WithRuns(10, cpuScale: 1), Options());

        var cpu = Metric(result, "cpu_time");
        Assert.Equal(Verdict.New, cpu.Verdict);
        Assert.False(result.Failed(FailOn.Regressed));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Cpu_mean_is_shown_with_its_change_but_never_regressed_or_improved(double scale)
    {
        var head = WithRuns(10) with { Runs = [.. WithRuns(10).Runs.Select(r => r with { CpuPctMean = r.CpuPctMean * scale })] };

        var result = SessionComparer.Compare(WithRuns(10), head, Options());

        var cpuMean = Metric(result, "cpu_mean");
        Assert.Equal(Verdict.NotJudged, cpuMean.Verdict);
        Assert.Equal(scale - 1, cpuMean.Change!.Value, 0.05);
        Assert.Null(cpuMean.AdjustedPValue);
        Assert.Contains("gate on cpu_time", cpuMean.Reason, StringComparison.Ordinal);
        Assert.False(result.Failed(FailOn.Inconclusive));
    }

    [Fact]
    public void Cpu_mean_takes_no_part_in_the_multiple_comparison_correction()
    {
        var head = WithRuns(10) with { Runs = [.. WithRuns(10).Runs.Select(r => r with { CpuPctMean = r.CpuPctMean * 3 })] };

        var withCpuMean = SessionComparer.Compare(WithRuns(10), head, Options());
        var without = SessionComparer.Compare(WithRuns(10), WithRuns(10), Options());

        Assert.Equal(Metric(without, "wall_time").AdjustedPValue, Metric(withCpuMean, "wall_time").AdjustedPValue);
    }

    [Fact]
    public void A_cpu_mean_budget_is_shown_but_never_fails_and_a_cpu_time_budget_does()
    {
        const string budget = """
            version: 1
            targets:
              - name: checkout
                budgets:
                  process: { cpu_mean: 50%, cpu_time: 1s }
            """;

        var compared = SessionComparer.Compare(WithRuns(10, cpuScale: 1), WithRuns(10, cpuScale: 1), Options(budget));
        var checkedOnly = SessionComparer.Check(WithRuns(10, cpuScale: 1), Options(budget));

        foreach (var result in new[] { compared, checkedOnly })
        {
            Assert.Equal(Verdict.NotJudged, Metric(result, "cpu_mean").Verdict);
            Assert.Contains("budget is not enforced", Metric(result, "cpu_mean").Reason, StringComparison.Ordinal);
            Assert.Equal(Verdict.BudgetExceeded, Metric(result, "cpu_time").Verdict);
            Assert.Equal(1e9 / 1e9, Metric(result, "cpu_time").Budget);
        }
    }

    [Fact]
    public void Every_metric_a_session_yields_is_in_the_catalog()
    {
        var session = WithRuns(5, cpuScale: 1) with
        {
            Samples = [new Sample { Ts = 1, CpuPct = 50, HeapMb = 100, Threads = 4, Gen0Gcs = 3 }],
            Benchmarks = [new BenchmarkResult { Name = "Parse", Samples = [1, 2, 3], AllocBytesPerOp = 24 }],
        };

        var metrics = SessionMetrics.Extract(session).Keys;

        Assert.All(metrics, k => Assert.NotNull(MetricCatalog.Find(k.Kind, k.Metric)));
        Assert.Contains(metrics, k => k.Metric == "cpu_time");
    }
}
