using RustScope.Collectors.Series;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Series;

public sealed class InterleavedSeriesTests
{
    private static ProfileSession Run(string binary, int exitCode = 0) => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta { Project = "p", StartTs = 1, TargetBinary = binary, ExitCode = exitCode, Termination = Termination.Exited },
        Summary = new SessionSummary { DurationS = 1, CpuPctMean = 0, CpuPctMax = 0, PeakRssMb = 1, PeakThreads = 1, PeakFds = 1, EventCount = 0 },
    };

    [Fact]
    public async Task Alternates_which_side_goes_first_and_discards_warm_ups()
    {
        var order = new List<string>();

        var (baseline, head) = await InterleavedSeries.RunAsync(3, 1, (side, position, warmup) =>
        {
            order.Add($"{side}{position}{(warmup ? "w" : string.Empty)}");
            return Task.FromResult(Run(side.ToString()));
        }, CancellationToken.None);

        Assert.Equal(["Base0w", "Head0w", "Head1", "Base1", "Base2", "Head2", "Head3", "Base3"], order);
        Assert.Equal(3, baseline.Runs.Count);
        Assert.Equal("Head", head.Meta.TargetBinary);
    }

    [Fact]
    public async Task Both_sessions_carry_one_series_marker_so_their_runs_can_be_paired()
    {
        var (baseline, head) = await InterleavedSeries.RunAsync(3, 0, (side, _, _) => Task.FromResult(Run(side.ToString())), CancellationToken.None);
        var (other, _) = await InterleavedSeries.RunAsync(2, 0, (side, _, _) => Task.FromResult(Run(side.ToString())), CancellationToken.None);

        Assert.Equal(("base", "head"), (baseline.Meta.Interleaving!.Side, head.Meta.Interleaving!.Side));
        Assert.True(Interleaving.Pairs(baseline.Meta.Interleaving, head.Meta.Interleaving));
        Assert.False(Interleaving.Pairs(other.Meta.Interleaving, head.Meta.Interleaving));
        Assert.Equal(baseline.Runs.Select(r => r.Index), head.Runs.Select(r => r.Index));
    }

    [Fact]
    public async Task A_side_that_fails_before_the_other_ran_is_an_error()
    {
        await Assert.ThrowsAsync<SeriesFailedException>(() =>
            InterleavedSeries.RunAsync(3, 0, (side, _, _) => Task.FromResult(Run(side.ToString(), exitCode: 1)), CancellationToken.None));
    }
}
