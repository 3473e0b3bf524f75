using RustScope.Core.Model;

namespace RustScope.Benchmarks.Comparison;

/// <summary>
/// The whole-command load: a baseline and a head session with many instrumented functions and many benchmarks,
/// each measured over several runs (per-run aggregates, the samples the gate prefers), head 2 % slower.
/// </summary>
internal static class LargeSessions
{
    private const int Runs = 5;
    private const int Iterations = 10;

    /// <summary>Writes <c>base.json</c> and <c>head.json</c> into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int functions, int benchmarks)
    {
        SessionJson.Write(Session(seed: 1, slowdown: 1.0, functions, benchmarks), Path.Combine(folder, "base.json"));
        SessionJson.Write(Session(seed: 2, slowdown: 1.02, functions, benchmarks), Path.Combine(folder, "head.json"));
    }

    private static ProfileSession Session(int seed, double slowdown, int functions, int benchmarks)
    {
        var random = new Random(seed);
        double Noisy(double value) => value * slowdown * (1 + (0.05 * (random.NextDouble() - 0.5)));
        LatencyStats Latency(int f)
        {
            var mean = Noisy(1000 + f);
            return new LatencyStats { Mean = mean, P50 = mean * 0.9, P95 = mean * 1.6, P99 = mean * 2, Max = mean * 4, Stdev = mean / 10 };
        }

        static string FunctionName(int f) => $"App.Module{f % 40}.Function{f}";
        static string BenchmarkName(int b) => $"App.Benchmarks{b % 40}.Method(N: {b})";
        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta { Project = "bench", StartTs = 0, TargetBinary = "bench" },
            Summary = new SessionSummary { DurationS = 10, CpuPctMean = 100, CpuPctMax = 100, PeakRssMb = 100, PeakThreads = 1, PeakFds = 1, EventCount = 0 },
            Functions = [.. Enumerable.Range(0, functions).Select(f => new FunctionProfile
            {
                Name = FunctionName(f), Calls = 1000, AllocBytesPerCall = 64, LatencyNs = Latency(f), Source = FunctionSource.Instrumented,
            })],
            Benchmarks = [.. Enumerable.Range(0, benchmarks).Select(b => new BenchmarkResult
            {
                Name = BenchmarkName(b), Samples = [.. Enumerable.Range(0, Iterations).Select(_ => Noisy(500 + b))], AllocBytesPerOp = 32,
            })],
            Runs = [.. Enumerable.Range(0, Runs).Select(run => new RunAggregate
            {
                Index = run,
                WallTimeS = Noisy(10),
                PeakRssMb = Noisy(100),
                CpuPctMean = Noisy(100),
                Functions = [.. Enumerable.Range(0, functions).Select(f => new RunFunctionAggregate
                {
                    Name = FunctionName(f), Calls = 1000, AllocBytesPerCall = 64, LatencyNs = Latency(f),
                })],
                Benchmarks = [.. Enumerable.Range(0, benchmarks).Select(b => new RunBenchmarkAggregate { Name = BenchmarkName(b), Median = Noisy(500 + b), AllocBytesPerOp = 32 })],
            })],
        };
    }
}
