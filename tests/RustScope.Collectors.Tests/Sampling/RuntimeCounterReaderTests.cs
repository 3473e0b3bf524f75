using Microsoft.Diagnostics.NETCore.Client;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling.EventPipe;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>The counter reader on real counter streams, whole and cut off as a crash leaves them, and on garbage.</summary>
public sealed class RuntimeCounterReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rustscope-counters-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void A_stream_that_is_no_trace_gives_a_warning_and_no_reports()
    {
        using var garbage = new MemoryStream([.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31 % 251))]);

        var (points, warning) = RuntimeCounterReader.Read(garbage, fromStart: true);

        Assert.Empty(points);
        Assert.NotNull(warning);
        Assert.Contains("could not be read", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_whole_stream_gives_one_report_a_second_with_the_runtime_figures()
    {
        var recorded = await RecordAsync("alloc", "3");

        var (points, warning) = RuntimeCounterReader.Read(new MemoryStream(recorded), fromStart: false);

        Assert.Null(warning);
        Assert.InRange(points.Count, 2, 5);
        Assert.All(points, point => Assert.True(point.GcHeapMb > 0, $"gc heap {point.GcHeapMb} MB at {point.Ts}"));
        Assert.Contains(points, point => point.AllocMbPerS > 1);
        Assert.Equal(points.OrderBy(p => p.Ts).Select(p => p.Ts), points.Select(p => p.Ts));
    }

    [Fact]
    public async Task The_dotnet_counters_figures_come_per_second_and_the_running_jit_total_becomes_a_count_per_report()
    {
        // Spin allocates and throws, the waiting threads contend for a lock, and every new method is JIT-compiled.
        var recorded = await RecordAsync("waits", "3");

        var (points, warning) = RuntimeCounterReader.Read(new MemoryStream(recorded), fromStart: false);

        Assert.Null(warning);
        Assert.True(points.Count >= 2, $"{points.Count} reports");
        Assert.All(points, point => Assert.True(point.GcPauseMs >= 0 && point.TimeInGcPct >= 0 && point.JitTimeMs >= 0, $"report at {point.Ts}: {point}"));
        // methods-jitted-count is a running total since the runtime started: for an attached runtime the first report has
        // no interval to count; for one sampled from its start (a process of the launched tree) it is the first amount.
        Assert.Null(points[0].JitMethods);
        Assert.True(RuntimeCounterReader.Read(new MemoryStream(recorded), fromStart: true).Points[0].JitMethods > 0);
        Assert.All(points.Skip(1), point => Assert.True(point.JitMethods >= 0, $"report at {point.Ts}: {point.JitMethods} methods"));
        Assert.Contains(points, point => point.Exceptions > 0);
        Assert.Contains(points, point => point.LockContentions > 0);
    }

    [Fact]
    public async Task A_stream_cut_off_mid_block_keeps_the_reports_before_the_cut()
    {
        var recorded = await RecordAsync("hot", "3");
        var (whole, _) = RuntimeCounterReader.Read(new MemoryStream(recorded), fromStart: false);

        var (points, warning) = RuntimeCounterReader.Read(new MemoryStream(recorded[..(recorded.Length * 3 / 4)]), fromStart: false);

        Assert.NotNull(warning);
        Assert.StartsWith("the runtime counters could not be read", warning, StringComparison.Ordinal);
        Assert.InRange(points.Count, 1, whole.Count);
        Assert.Equal(whole.Take(points.Count - 1).Select(p => p.Ts), points.Take(points.Count - 1).Select(p => p.Ts));
    }

    /// <summary>The counter stream of the fixture, from a session opened before its runtime resumed until it exited.</summary>
    private async Task<byte[]> RecordAsync(params string[] arguments)
    {
        var launch = new LaunchSpec("dotnet", [SamplingHarness.SamplingTargetDll, .. arguments]);
        await using var port = DiagnosticPortListener.Listen(launch, Path.Combine(_directory.FullName, "port.sock"));
        var start = new System.Diagnostics.ProcessStartInfo(launch.FileName, launch.Arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in launch.Environment)
        {
            start.Environment[name] = value;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var process = FixtureProcess.Start(start);
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(timeout.Token), process.StandardError.ReadToEndAsync(timeout.Token));
        var client = await port.WaitForRuntimeAsync(process.Id, TimeSpan.FromMinutes(1), timeout.Token)
            ?? throw new InvalidOperationException("the fixture's runtime did not connect to the diagnostic port");

        using var session = await client.StartEventPipeSessionAsync(
            new EventPipeSessionConfiguration(EventPipeConfiguration.CounterProviders, EventPipeConfiguration.CounterBufferMb, requestRundown: false, requestStackwalk: false),
            timeout.Token);
        using var recorded = new MemoryStream();
        var copy = session.EventStream.CopyToAsync(recorded, timeout.Token);
        await port.ResumeAsync(process.Id);
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        await copy;
        return recorded.ToArray();
    }
}
