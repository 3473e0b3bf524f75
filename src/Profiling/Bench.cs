using System.Diagnostics;
using System.Runtime.CompilerServices;
using RustScope.Profiling.Benchmarking;
using RustScope.Profiling.Session;

namespace RustScope.Profiling;

/// <summary>A small statistical benchmark runner whose results land in the session's <c>benchmarks[]</c>.</summary>
public static class Bench
{
    private const long MaxOpsPerSample = 1L << 30;

    // Settled: the process compiled nothing for this long while the benchmark ran — twice the runtime's 100 ms
    // call-counting delay, so the methods the benchmark calls have had their promotion too.
    private static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Measures <paramref name="action"/>: runs it until the JIT has promoted it to its final tier (optimised code, as a
    /// long-running process runs it; see <see cref="BenchmarkReport.JitTier"/>), finds a batch size so one sample lasts at
    /// least <see cref="BenchOptions.MinSampleTime"/>, warms up, then records the time per operation of each sample.
    /// </summary>
    public static BenchmarkReport Run(string name, Action action, BenchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        options ??= new BenchOptions();
        ExitFlush.Install();
        var tier = Promote(action, options);
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
            JitTier = tier,
        };
        BenchmarkRegistry.Add(report);
        return report;
    }

    /// <summary>
    /// Calls the action in growing batches until the JIT has made its final code of it (tier 1, or optimised at once when
    /// tiering is off) and then compiled nothing for a while, or, when no compilation of it was seen (compiled before),
    /// until the process compiled nothing for a while; at most <see cref="BenchOptions.MaxPromotionTime"/>. Returns the
    /// tier it ended at.
    /// </summary>
    private static JitTier Promote(Action action, BenchOptions options)
    {
        using var watch = new JitTierWatch(action.Method);
        var started = Stopwatch.GetTimestamp();
        var quietSince = started;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var batch = 1L; Stopwatch.GetElapsedTime(started) < options.MaxPromotionTime; batch = Math.Min(batch * 2, 1024))
        {
            Time(action, batch);
            var now = Stopwatch.GetTimestamp();
            if (System.Runtime.JitInfo.GetCompiledMethodCount() is var compiledNow && compiledNow != compiled)
            {
                (compiled, quietSince) = (compiledNow, now);
            }
            else if ((watch.IsFinal || watch.Tier == JitTier.Unknown) && Stopwatch.GetElapsedTime(quietSince, now) >= QuietJit)
            {
                break;
            }
        }

        return watch.Tier;
    }

    // Optimised at once, never tiered: the measuring loop itself must not run as tier-0 or on-stack-replaced code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
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
