using BenchmarkDotNet.Attributes;

namespace RustScope.Benchmarks.Profiling;

/// <summary>
/// The seed's "&lt; 50 ns per instrumented call", measured against what a call costs anyway: an empty method, the
/// same with a bare Stopwatch timestamp pair, and with [Profile] — on one thread and on two at once.
/// </summary>
[MemoryDiagnoser]
public class CallOverheadBenchmark
{
    private const int CallsPerInvocation = 1_000;

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvocation)]
    public int Empty() => Run(Targets.Empty);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public int TimestampPair() => Run(Targets.TimestampPair);

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public int Profiled() => Run(Targets.Profiled);

    private int Run(Func<int, int> call)
    {
        if (Threads == 1)
        {
            return Loop(call);
        }

        // The second thread runs the same loop at the same time; per-call time is the first thread's.
        var other = Task.Run(() => Loop(call));
        var result = Loop(call);
        return result + other.GetAwaiter().GetResult();
    }

    private static int Loop(Func<int, int> call)
    {
        var x = 0;
        for (var i = 0; i < CallsPerInvocation; i++)
        {
            x = call(x);
        }

        return x;
    }
}
