using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;

namespace RustScope.Benchmarks.Profiling;

/// <summary>
/// The seed's "&lt; 50 ns per instrumented call", measured against what a call costs anyway: an empty method, the
/// same with a bare Stopwatch timestamp pair, with that pair and the allocation counter's, with a pair of [Profile]'s
/// own clock reads (the time-stamp counter here), and with [Profile] — on one thread, and with a second thread calling
/// the same method for the whole run (started in the global setup, so both threads overlap all the time). Median and
/// minimum beside the mean: on a shared, loaded machine they are what preemption disturbs least.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs instance methods.")]
public class CallOverheadBenchmark
{
    internal const int CallsPerInvocation = 1_000;
    private Thread? _second;
    private volatile bool _stop;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup(Target = nameof(Empty))]
    public void StartEmpty() => StartSecondThread(Targets.Empty);

    [GlobalSetup(Target = nameof(TimestampPair))]
    public void StartTimestampPair() => StartSecondThread(Targets.TimestampPair);

    [GlobalSetup(Target = nameof(TimestampAndAllocationPairs))]
    public void StartTimestampAndAllocationPairs() => StartSecondThread(Targets.TimestampAndAllocationPairs);

    [GlobalSetup(Target = nameof(ClockPair))]
    public void StartClockPair() => StartSecondThread(Targets.ClockPair);

    [GlobalSetup(Target = nameof(Profiled))]
    public void StartProfiled() => StartSecondThread(Targets.Profiled);

    [GlobalCleanup]
    public void StopSecondThread()
    {
        _stop = true;
        _second?.Join();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvocation)]
    public int Empty() => Loop(Targets.Empty);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public int TimestampPair() => Loop(Targets.TimestampPair);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public int TimestampAndAllocationPairs() => Loop(Targets.TimestampAndAllocationPairs);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public int ClockPair() => Loop(Targets.ClockPair);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public int Profiled() => Loop(Targets.Profiled);

    internal static int Loop(Func<int, int> call)
    {
        var x = 0;
        for (var i = 0; i < CallsPerInvocation; i++)
        {
            x = call(x);
        }

        return x;
    }

    private void StartSecondThread(Func<int, int> call)
    {
        if (Threads == 1)
        {
            return;
        }

        _stop = false;
        _second = new Thread(() =>
        {
            var x = 0;
            while (!_stop)
            {
                x = Loop(call);
            }

            GC.KeepAlive(x);
        })
        {
            IsBackground = true,
            Name = "second caller",
        };
        _second.Start();
    }
}
