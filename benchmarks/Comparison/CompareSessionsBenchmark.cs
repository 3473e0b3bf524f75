using BenchmarkDotNet.Attributes;
using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Benchmarks.Comparison;

/// <summary>
/// The load: two sessions with 10 000 function metrics (2 000 functions × p50, p95, mean, calls,
/// alloc_per_call) of 20 runs each, plus the process metrics. Goal: one comparison in under a second.
/// </summary>
[MemoryDiagnoser]
public class CompareSessionsBenchmark
{
    private const int Functions = 2_000;
    private const int Runs = 20;
    private ProfileSession _baseline = null!;
    private ProfileSession _head = null!;

    [GlobalSetup]
    public void Setup()
    {
        _baseline = Session(seed: 1, slowdown: 1.0);
        _head = Session(seed: 2, slowdown: 1.02);
    }

    [Benchmark]
    public ComparisonResult Compare() => SessionComparer.Compare(_baseline, _head, new ComparisonOptions());

    private static ProfileSession Session(int seed, double slowdown)
    {
        var random = new Random(seed);
        double Noisy(double value) => value * slowdown * (1 + (0.05 * (random.NextDouble() - 0.5)));
        return new ProfileSession
        {
            SchemaVersion = 1,
            Meta = new SessionMeta { Project = "bench", StartTs = 0, TargetBinary = "bench" },
            Summary = new SessionSummary { DurationS = 1, CpuPctMean = 100, CpuPctMax = 100, PeakRssMb = 100, PeakThreads = 1, PeakFds = 1, EventCount = 0 },
            Runs = [.. Enumerable.Range(0, Runs).Select(run => new RunAggregate
            {
                Index = run,
                WallTimeS = Noisy(10),
                PeakRssMb = Noisy(100),
                CpuPctMean = Noisy(100),
                Functions = [.. Enumerable.Range(0, Functions).Select(f =>
                {
                    var mean = Noisy(1000 + f);
                    return new RunFunctionAggregate
                    {
                        Name = $"App.Module{f % 40}.Function{f}",
                        Calls = 1000,
                        AllocBytesPerCall = 64,
                        LatencyNs = new LatencyStats { Mean = mean, P50 = mean * 0.9, P95 = mean * 1.6, P99 = mean * 2, Max = mean * 4, Stdev = mean / 10 },
                    };
                })],
            })],
        };
    }
}
