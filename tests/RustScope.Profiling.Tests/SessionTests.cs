using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using ProfiledLibrary;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Profiling.Tests;

public sealed class SessionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-profiling-").FullName;

    [SuppressMessage("CodeQuality", "IDE0052:Remove unread private members", Justification = "Written only, so an array escapes to the heap.")]
    private static byte[]? s_sink;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_written_session_is_read_by_rustscope_and_follows_the_schema()
    {
        Profiler.Reset();
        Checkout.Add(1, 2);
        await foreach (var _ in AsyncWork.ProduceAsync(3, TimeSpan.Zero))
        {
        }

        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AsyncWork.FinishAsync(yield: true, fail: false, canceled.Token));
        Bench.Run("add", () => Checkout.Add(1, 2), new BenchOptions { Samples = 5, WarmupSamples = 1, MinSampleTime = TimeSpan.FromMilliseconds(1) });
        var path = Path.Combine(_directory, "session.json");

        Profiler.WriteSession(path);

        var session = SessionJson.Read(path);
        var add = Assert.Single(session.Functions, f => f.Name == "ProfiledLibrary.Checkout.Add");
        Assert.Equal(FunctionSource.Instrumented, add.Source);
        Assert.True(add.Calls > 1);
        Assert.Equal((0L, null), (add.Cancellations, add.ItemsPerCall));
        Assert.Equal(3, Assert.Single(session.Functions, f => f.Name == "ProfiledLibrary.AsyncWork.ProduceAsync").ItemsPerCall);
        var finish = Assert.Single(session.Functions, f => f.Name == "ProfiledLibrary.AsyncWork.FinishAsync");
        Assert.Equal((1L, 1L), (finish.Exceptions, finish.Cancellations));
        var bench = Assert.Single(session.Benchmarks, b => b.Name == "add");
        Assert.Equal(5, bench.Samples.Count);
        Assert.True(bench.OpsPerIteration > 1);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "profile-session.v1.schema.json"));
        Assert.Empty(schema.Validate(await File.ReadAllTextAsync(path)).Select(e => e.ToString()));
    }

    [Fact]
    public void Bench_batches_operations_and_reports_allocations_per_operation()
    {
        // The array escapes into a field: otherwise the JIT may inline Allocate and put the array on the stack.
        var report = Bench.Run("alloc", () => s_sink = Checkout.Allocate(1_000), new BenchOptions { Samples = 10, WarmupSamples = 2, MinSampleTime = TimeSpan.FromMilliseconds(2) });

        Assert.Equal(10, report.SamplesNs.Count);
        Assert.True(report.OpsPerIteration >= 2);
        Assert.All(report.SamplesNs, s => Assert.True(s > 0));
        Assert.InRange(report.AllocBytesPerOp, 1_024, 1_030);
        Assert.Contains(Profiler.Benchmarks(), b => b.Name == "alloc");
    }

    [Fact]
    public void Reset_forgets_benchmarks_too()
    {
        Bench.Run("forgotten", () => Checkout.Spin(TimeSpan.Zero), new BenchOptions { Samples = 2, WarmupSamples = 0, MinSampleTime = TimeSpan.FromMilliseconds(1) });
        Assert.Contains(Profiler.Benchmarks(), b => b.Name == "forgotten");

        Profiler.Reset();

        Assert.Empty(Profiler.Benchmarks());
    }

    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(2)] // SIGINT
    public async Task A_signal_flushes_a_valid_session_to_rustscope_session_out(int signal)
    {
        var output = Path.Combine(_directory, "flushed.json");
        using var process = StartApp(output, "forever");
        Assert.Equal("ready", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Signals.Send(process.Id, signal);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var session = SessionJson.Read(output);
        Assert.True(Assert.Single(session.Functions, f => f.Name == "ProfiledLibrary.Checkout.Add").Calls > 1000);
        Assert.Empty(Directory.GetFiles(_directory, ".*.tmp"));
    }

    [Fact]
    public async Task A_process_that_only_runs_benchmarks_writes_them_at_exit()
    {
        var output = Path.Combine(_directory, "bench.json");
        using var process = StartApp(output, "bench");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        var session = SessionJson.Read(output);
        Assert.Equal(3, Assert.Single(session.Benchmarks, b => b.Name == "unprofiled.square").Samples.Count);
        Assert.Empty(session.Functions);
    }

    [Fact]
    public async Task Flush_writes_the_session_while_the_process_runs()
    {
        var output = Path.Combine(_directory, "on-demand.json");
        using var process = StartApp(output, "flush", "10");
        Assert.Equal("flushed", await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        // Read while the app still runs (it is killed, not signalled, when disposed): the file can only come from the explicit Flush.
        var session = SessionJson.Read(output);
        Assert.Equal(10, Assert.Single(session.Functions, f => f.Name == "ProfiledLibrary.Checkout.Add").Calls);
    }

    [Theory]
    [InlineData("stopwatch")]
    [InlineData("")]
    public async Task Durations_are_right_with_either_clock(string clock)
    {
        var output = Path.Combine(_directory, "clock.json");
        using var process = StartApp(output, ("RUSTSCOPE_CLOCK", clock), "work", "20");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        var work = Assert.Single(SessionJson.Read(output).Functions, f => f.Name == "ProfiledLibrary.Checkout.Work");
        Assert.Equal(20, work.Calls);

        // Each call spins 2 ms by Stopwatch: never less, and more only by preemption.
        var latency = Assert.IsType<LatencyStats>(work.LatencyNs);
        Assert.InRange(latency.Mean, 1.99e6, 20e6);
        Assert.InRange(latency.P50, 1.8e6, 20e6);
    }

    private static FixtureProcess StartApp(string sessionOut, params string[] arguments) => StartApp(sessionOut, (null, null), arguments);

    private static FixtureProcess StartApp(string sessionOut, (string? Name, string? Value) variable, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [Fixtures.ProfiledApp, .. arguments]) { RedirectStandardOutput = true };
        start.Environment[Profiler.SessionOutVariable] = sessionOut;
        if (variable.Name is not null)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        return FixtureProcess.Start(start);
    }
}
