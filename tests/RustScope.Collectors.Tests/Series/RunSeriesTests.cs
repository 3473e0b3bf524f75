using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Series;

public sealed class RunSeriesTests
{
    private static ProfileSession Run(double wallTime, int exitCode = 0, Termination termination = Termination.Exited) => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta { Project = "p", StartTs = (long)(wallTime * 1000), TargetBinary = "t", ExitCode = exitCode, Termination = termination },
        Summary = new SessionSummary { DurationS = wallTime, CpuPctMean = 50, CpuPctMax = 90, PeakRssMb = 10 * wallTime, PeakThreads = 1, PeakFds = 3, EventCount = 0 },
        Functions = [new FunctionProfile { Name = "Pay", Calls = 4, AllocBytesPerCall = 64, LatencyNs = new LatencyStats { Mean = 5, P50 = 4, P95 = 9, P99 = 9, Max = 9, Stdev = 1 } }],
        Benchmarks = [new BenchmarkResult { Name = "b", Samples = [3, 1, 2, 10] }],
    };

    [Fact]
    public async Task Warm_ups_are_discarded_and_every_measured_run_is_aggregated()
    {
        var positions = new List<(int, bool)>();

        var session = await RunSeries.RunAsync(3, 2, (position, warmup) =>
        {
            positions.Add((position, warmup));
            return Task.FromResult(Run(position + 1));
        }, CancellationToken.None);

        Assert.Equal([(0, true), (1, true), (2, false), (3, false), (4, false)], positions);
        Assert.Equal([3.0, 4.0, 5.0], session.Runs.Select(r => r.WallTimeS));
        Assert.Equal([0, 1, 2], session.Runs.Select(r => r.Index));
        Assert.Equal(5, session.Summary.DurationS);
        Assert.Equal(3000, session.Meta.StartTs);
        var function = Assert.Single(session.Runs[0].Functions);
        Assert.Equal((4L, 64.0, 9.0), (function.Calls, function.AllocBytesPerCall!.Value, function.LatencyNs!.P95));
        Assert.Equal(2.5, Assert.Single(session.Runs[0].Benchmarks).Median);
        Assert.Empty(session.Warnings);
    }

    [Fact]
    public void Each_run_keeps_its_machine_load_and_the_series_weights_them_by_wall_time()
    {
        static ProfileSession Loaded(double wallTime, MachineLoad? load) => Run(wallTime) with { Meta = Run(wallTime).Meta with { MachineLoad = load } };

        var session = RunSeries.Combine(
            [Loaded(1, new MachineLoad { OtherCpuShare = 0.1, CpuPressureShare = 0.2 }), Loaded(3, new MachineLoad { OtherCpuShare = 0.5 }), Loaded(2, null)],
            planned: 3,
            warmupRuns: 0);

        Assert.Equal([0.1, 0.5, null], session.Runs.Select(r => r.MachineLoad?.OtherCpuShare));
        Assert.Equal(0.4, session.Meta.MachineLoad!.OtherCpuShare);
        Assert.Equal(0.2, session.Meta.MachineLoad.CpuPressureShare);
        Assert.Null(session.Meta.MachineLoad.StealShare);
    }

    [Fact]
    public async Task A_failing_run_ends_the_series_with_a_warning()
    {
        var calls = 0;

        var session = await RunSeries.RunAsync(5, 0, (position, _) =>
        {
            calls++;
            return Task.FromResult(position == 1 ? Run(2, exitCode: 3) : Run(1));
        }, CancellationToken.None);

        Assert.Equal(2, calls);
        Assert.Equal(3, session.Meta.ExitCode);
        Assert.Equal(2, session.Runs.Count);
        Assert.Contains("stopped after 2 of 5 runs", Assert.Single(session.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_run_has_no_runs_section()
    {
        var session = await RunSeries.RunAsync(1, 0, (_, _) => Task.FromResult(Run(1)), CancellationToken.None);

        Assert.Empty(session.Runs);
    }
}
