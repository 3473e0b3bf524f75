using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Comparison;

/// <summary>Sessions of <c>--runs auto</c> are judged look by look, each look at its share of alpha, as the series was.</summary>
public sealed class SequentialReplayTests
{
    private static readonly ComparisonOptions Options = new() { BaselineName = "base.json", HeadName = "head.json" };

    private static readonly AdaptiveRuns Looked = new() { MaxRuns = 20, Looks = [5, 6, 8, 10, 13, 16, 20], Stop = AdaptiveStop.MaxRuns };

    private static (ProfileSession Base, ProfileSession Head) Series(double wallScale, double cpuScale, AdaptiveRuns? adaptive)
    {
        ProfileSession Side(double wall, double cpu, string side) => WithRuns(20, wall, cpuScale: cpu) with
        {
            Meta = WithRuns(1).Meta with { Interleaving = new Interleaving { SeriesId = "s", Side = side }, Adaptive = adaptive },
        };

        return (Side(1, 1, "base"), Side(wallScale, cpuScale, "head"));
    }

    private static MetricComparison Metric(ComparisonResult result, string name) => Assert.Single(result.AllMetrics, m => m.Metric == name && m.Subject is null);

    [Fact]
    public void A_metric_keeps_the_verdict_of_the_first_look_that_decided_it()
    {
        var (baseline, head) = Series(1.3, 1, Looked);

        var result = SessionComparer.Compare(baseline, head, Options);

        // Pairs with the same noise on both sides: the 30 % is clear at the first look, judged on its 5 runs a side.
        var wall = Metric(result, "wall_time");
        Assert.Equal((Verdict.Regressed, 5, 5), (wall.Verdict, wall.BaselineN, wall.HeadN));
        var firstLook = SessionComparer.Compare(Truncated(baseline, 5), Truncated(head, 5), Options with { Alpha = 0.01 * 0.25 * 0.25 });
        Assert.Equal(Metric(firstLook, "wall_time"), wall);
    }

    [Fact]
    public void The_result_names_the_looks_and_the_alpha_each_spent_which_add_up_to_alpha()
    {
        var (baseline, head) = Series(1.3, 1, Looked);

        var result = SessionComparer.Compare(baseline, head, Options);

        Assert.Equal(0.01, result.Alpha);
        var sequential = result.Sequential!;
        Assert.Equal((20, 20, AdaptiveStop.MaxRuns), (sequential.Runs, sequential.MaxRuns, sequential.Stop));
        Assert.Equal(Looked.Looks, sequential.Looks.Select(l => l.Runs));
        Assert.Equal(0.01, sequential.Looks.Sum(l => l.Alpha), 12);
    }

    [Fact]
    public void An_undecided_metric_shows_the_last_look()
    {
        // Head's CPU time alternates +12 % / −10 % around base's: pairs this noisy are neither shown unchanged nor
        // regressed within 20 runs, so it stays inconclusive, judged on all of them.
        var (baseline, head) = Series(1, 1, Looked);
        head = head with { Runs = [.. head.Runs.Select((r, i) => r with { CpuS = baseline.Runs[(i + 1) % 20].CpuS * (i % 2 == 0 ? 1.12 : 0.90) })] };

        var cpu = Metric(SessionComparer.Compare(baseline, head, Options), "cpu_time");

        Assert.Equal((Verdict.Inconclusive, 20), (cpu.Verdict, cpu.HeadN));
    }

    [Fact]
    public void The_same_runs_without_looks_are_judged_once_at_the_full_alpha()
    {
        var (baseline, head) = Series(1.3, 1, adaptive: null);

        var result = SessionComparer.Compare(baseline, head, Options);

        Assert.Null(result.Sequential);
        Assert.Equal(20, Metric(result, "wall_time").HeadN);
    }

    [Fact]
    public void Looks_beyond_the_runs_left_in_the_sessions_are_not_replayed()
    {
        var (baseline, head) = Series(1.3, 1, Looked);

        var result = SessionComparer.Compare(Truncated(baseline, 9), Truncated(head, 9), Options);

        Assert.Equal([5, 6, 8], result.Sequential!.Looks.Select(l => l.Runs));
        Assert.Equal(TestNames.PairedTLog, Metric(result, "wall_time").Test);
    }

    private static ProfileSession Truncated(ProfileSession session, int runs) => session with { Runs = [.. session.Runs.Take(runs)] };
}
