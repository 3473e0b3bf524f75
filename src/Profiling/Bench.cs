using System.Diagnostics;
using RustScope.Profiling.Benchmarking;
using RustScope.Profiling.Session;

namespace RustScope.Profiling;

/// <summary>A small statistical benchmark runner whose results land in the session's <c>benchmarks[]</c>.</summary>
public static class Bench
{
    private const long MaxOpsPerSample = 1L << 30;

    /// <summary>
    /// Measures <paramref name="action"/>: finds a batch size so one sample lasts at least
    /// <see cref="BenchOptions.MinSampleTime"/>, warms up, then records the time per operation of each sample.
    /// </summary>
    public static BenchmarkReport Run(string name, Action action, BenchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        options ??= new BenchOptions();
        ExitFlush.Install();
        action(); // JIT and first-call costs stay out of the batch-size calibration
        var ops = 1L;
        while (ops < MaxOpsPerSample && Time(action, ops) < options.MinSampleTime.TotalNanoseconds)
        {
            ops *= 2;
        }

        for (var i = 0; i < options.WarmupSamples; i++)
        {
            Time(action, ops);
        }

        var samples = new double[options.Samples];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = Time(action, ops) / ops;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var report = new BenchmarkReport
        {
            Name = name,
            SamplesNs = samples,
            Warmup = options.WarmupSamples,
            OpsPerIteration = ops,
            AllocBytesPerOp = samples.Length == 0 ? 0 : (double)allocated / (ops * samples.Length),
        };
        BenchmarkRegistry.Add(report);
        return report;
    }

    private static double Time(Action action, long ops)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0L; i < ops; i++)
        {
            action();
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
    }
}
