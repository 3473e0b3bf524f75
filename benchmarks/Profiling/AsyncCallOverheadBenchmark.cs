using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;

namespace RustScope.Benchmarks.Profiling;

/// <summary>
/// What [Profile] adds to a call, async kinds beside sync, each unprofiled (Bare) and profiled: an async Task&lt;int&gt;
/// method that completes synchronously, one that yields (a thread-pool hop per call), a ValueTask&lt;int&gt; that completes
/// synchronously. Anchors: a bare Stopwatch timestamp pair, and an OpenTelemetry-style span — an
/// <see cref="Activity"/> of an <see cref="ActivitySource"/> with a listener that samples AllData, as a tracing SDK
/// registers one. Allocations per call beside the times: the async path's cost includes what it allocates.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs instance methods.")]
[SuppressMessage("Design", "CA1001", Justification = "The listener is disposed in the global cleanup, BenchmarkDotNet's end of a benchmark.")]
public class AsyncCallOverheadBenchmark
{
    private ActivityListener? _listener;

    [GlobalSetup(Target = nameof(ActivityWithListener))]
    public void Listen()
    {
        // The source exists before the listener: one created while AddActivityListener runs would not be listened to.
        var spans = Targets.Spans;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source == spans,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = static _ => { },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup(Target = nameof(ActivityWithListener))]
    public void StopListening() => _listener?.Dispose();

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public int StopwatchPair() => CallOverheadBenchmark.Loop(Targets.TimestampPair);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public int ActivityWithListener() => CallOverheadBenchmark.Loop(Targets.Span);

    [Benchmark(Baseline = true, OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public int SyncBare() => CallOverheadBenchmark.Loop(Targets.Empty);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public int SyncProfiled() => CallOverheadBenchmark.Loop(Targets.Profiled);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public Task<int> AsyncCompletedBare() => LoopAsync(AsyncTargets.CompletedBare);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public Task<int> AsyncCompletedProfiled() => LoopAsync(AsyncTargets.CompletedProfiled);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public Task<int> AsyncYieldBare() => LoopAsync(AsyncTargets.YieldBare);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public Task<int> AsyncYieldProfiled() => LoopAsync(AsyncTargets.YieldProfiled);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public Task<int> ValueTaskBare() => LoopAsync(AsyncTargets.ValueTaskBare);

    [Benchmark(OperationsPerInvoke = CallOverheadBenchmark.CallsPerInvocation)]
    public Task<int> ValueTaskProfiled() => LoopAsync(AsyncTargets.ValueTaskProfiled);

    private static async Task<int> LoopAsync(Func<int, Task<int>> call)
    {
        var x = 0;
        for (var i = 0; i < CallOverheadBenchmark.CallsPerInvocation; i++)
        {
            x = await call(x).ConfigureAwait(false);
        }

        return x;
    }

    private static async Task<int> LoopAsync(Func<int, ValueTask<int>> call)
    {
        var x = 0;
        for (var i = 0; i < CallOverheadBenchmark.CallsPerInvocation; i++)
        {
            x = await call(x).ConfigureAwait(false);
        }

        return x;
    }
}
