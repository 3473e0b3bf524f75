using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
using static RustScope.Core.Tests.Comparison.SessionBuilder;

namespace RustScope.Core.Tests.Comparison;

/// <summary>When base and head ran on a differently loaded machine, and what that does to a wall-time verdict.</summary>
public sealed class EnvironmentDriftTests
{
    private static readonly MachineLoad Quiet = new() { LoadAverage1m = 0.2, OtherCpuShare = 0.03, CpuPressureShare = 0.02, StealShare = 0 };
    private static readonly MachineLoad Busy = new() { LoadAverage1m = 3.1, OtherCpuShare = 0.71, CpuPressureShare = 0.85, StealShare = 0 };

    private static ComparisonOptions Options() => new() { BaselineName = "base.json", HeadName = "head.json" };

    private static ProfileSession On(ProfileSession session, MachineLoad? load) => session with { Meta = session.Meta with { MachineLoad = load } };

    private static MetricComparison WallTime(ComparisonResult result) => Assert.Single(result.AllMetrics, m => m.Metric == "wall_time" && m.Subject is null);

    [Fact]
    public void Other_processes_taking_a_quarter_of_the_machine_more_is_drift_named_with_both_figures()
    {
        var drift = EnvironmentDrift.Between(On(WithRuns(5), Quiet), On(WithRuns(5), Busy));

        Assert.NotNull(drift);
        Assert.Equal("base ran with other processes using 3 % of the CPUs, head with 71 %; a task waited for a CPU during 2 % of base's time, 85 % of head's", drift.Figures);
    }

    [Theory]
    [InlineData(0.03, 0.06, 0.02, 0.21, 0, 0.09)]
    [InlineData(0.42, 0.40, 0.50, 0.31, 0.1, 0.01)]
    public void Differences_below_every_threshold_are_no_drift(double baseOther, double headOther, double basePressure, double headPressure, double baseSteal, double headSteal)
    {
        var baseline = On(WithRuns(5), new MachineLoad { OtherCpuShare = baseOther, CpuPressureShare = basePressure, StealShare = baseSteal });
        var head = On(WithRuns(5), new MachineLoad { OtherCpuShare = headOther, CpuPressureShare = headPressure, StealShare = headSteal });

        Assert.Null(EnvironmentDrift.Between(baseline, head));
    }

    [Fact]
    public void On_a_saturated_machine_a_small_change_of_the_others_share_is_a_large_change_of_what_they_left()
    {
        var drift = EnvironmentDrift.Between(On(WithRuns(5), new MachineLoad { OtherCpuShare = 0.90, CpuPressureShare = 0.99 }), On(WithRuns(5), new MachineLoad { OtherCpuShare = 0.92, CpuPressureShare = 1 }));

        Assert.Equal("base ran with other processes using 90 % of the CPUs, head with 92 %", drift?.Figures);
    }

    [Fact]
    public void Steal_alone_can_be_drift()
    {
        var drift = EnvironmentDrift.Between(On(WithRuns(5), new MachineLoad { StealShare = 0.01 }), On(WithRuns(5), new MachineLoad { StealShare = 0.15 }));

        Assert.Equal("the hypervisor took 1 % of base's CPU time, 15 % of head's", drift?.Figures);
    }

    [Fact]
    public void A_figure_only_one_side_has_is_not_compared_and_old_sessions_have_no_drift()
    {
        Assert.Null(EnvironmentDrift.Between(On(WithRuns(5), new MachineLoad { OtherCpuShare = 0.03 }), On(WithRuns(5), new MachineLoad { CpuPressureShare = 0.9 })));
        Assert.Null(EnvironmentDrift.Between(WithRuns(5), On(WithRuns(5), Busy)));
    }

    [Fact]
    public void The_two_sides_of_one_interleaved_series_share_their_conditions()
    {
        static ProfileSession Side(MachineLoad load, string side) => On(WithRuns(5), load) with
        {
            Meta = On(WithRuns(5), load).Meta with { Interleaving = new Interleaving { SeriesId = "s1", Side = side } },
        };

        Assert.Null(EnvironmentDrift.Between(Side(Quiet, "base"), Side(Busy, "head")));
    }

    [Fact]
    public void Slower_wall_time_under_drift_with_unchanged_cpu_time_is_environment_changed_and_passes_the_gate()
    {
        var result = SessionComparer.Compare(On(WithRuns(10, cpuScale: 1), Quiet), On(WithRuns(10, wallScale: 2.5, cpuScale: 1), Busy), Options());

        var wall = WallTime(result);
        Assert.Equal(Verdict.EnvironmentChanged, wall.Verdict);
        Assert.StartsWith("+150.0 % (slower), but the machine changed (base ran with other processes using 3 % of the CPUs, head with 71 %;", wall.Reason, StringComparison.Ordinal);
        Assert.Matches(@" and cpu_time did not regress \([-+]?0\.0 %\): the change is not attributed to the code$", wall.Reason);
        Assert.InRange(wall.Change!.Value, 1.49, 1.51);
        // The builder slows head's functions along with its wall time; those rows are judged on their own.
        Assert.False(FailOn.Inconclusive.Fails(wall.Verdict));
        Assert.Contains(result.Warnings, w => w.StartsWith("base and head ran under materially different machine conditions (base ran with other processes using 3 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Faster_wall_time_under_drift_is_environment_changed_too()
    {
        var result = SessionComparer.Compare(On(WithRuns(10, wallScale: 2.5, cpuScale: 1), Busy), On(WithRuns(10, cpuScale: 1), Quiet), Options());

        Assert.Equal(Verdict.EnvironmentChanged, WallTime(result).Verdict);
        Assert.Contains("(faster)", WallTime(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_cpu_time_on_both_sides_a_slower_wall_time_under_drift_is_not_attributed_to_the_code()
    {
        var result = SessionComparer.Compare(On(WithRuns(10), Quiet), On(WithRuns(10, wallScale: 2.5, cpuScale: 1), Busy), Options());

        Assert.Equal(Verdict.EnvironmentChanged, WallTime(result).Verdict);
        Assert.EndsWith("and cpu_time was not measured on both sides: the change is not attributed to the code", WallTime(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Slower_wall_time_under_drift_stays_a_regression_when_cpu_time_regressed_too()
    {
        var result = SessionComparer.Compare(On(WithRuns(10, cpuScale: 1), Quiet), On(WithRuns(10, wallScale: 2.5, cpuScale: 1.3), Busy), Options());

        Assert.Equal(Verdict.Regressed, WallTime(result).Verdict);
        Assert.Equal(Verdict.Regressed, Assert.Single(result.AllMetrics, m => m.Metric == "cpu_time").Verdict);
        Assert.True(result.Failed(FailOn.Regressed));
    }

    [Fact]
    public void Without_drift_a_slower_wall_time_is_a_regression_whatever_cpu_time_says()
    {
        var result = SessionComparer.Compare(On(WithRuns(10, cpuScale: 1), Quiet), On(WithRuns(10, wallScale: 1.3, cpuScale: 1), Quiet with { OtherCpuShare = 0.06 }), Options());

        Assert.Equal(Verdict.Regressed, WallTime(result).Verdict);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("machine conditions", StringComparison.Ordinal));
    }

    [Fact]
    public void Function_timings_keep_their_verdicts_under_drift()
    {
        var result = SessionComparer.Compare(On(WithRuns(10, cpuScale: 1), Quiet), On(WithRuns(10, wallScale: 1.3, cpuScale: 1), Busy), Options());

        Assert.Equal(Verdict.Regressed, Assert.Single(result.AllMetrics, m => m.Subject == "Shop.Checkout.Pay" && m.Metric == "p95").Verdict);
    }
}
