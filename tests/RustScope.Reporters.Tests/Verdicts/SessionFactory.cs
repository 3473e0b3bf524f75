using RustScope.Core.Model;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>Sessions of N runs built from per-run figures, for comparisons the real comparer judges.</summary>
internal static class SessionFactory
{
    // A fixed spread of ±3 % that looks like noise; Spread(i, k) widens it k times, Wobble(i) shifts its phase.
    private static readonly double[] Pattern = [1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1.015, 0.985, 1.005, 0.995, 1.025];

    public static double Spread(int run, double times = 1, int phase = 0) => 1 + (times * (Pattern[(run + phase) % Pattern.Length] - 1));

    /// <summary>A session of <paramref name="runs"/> runs (one run: no <c>runs[]</c>, the summary and functions only).</summary>
    public static ProfileSession Session(int runs, Func<int, double> wallS, Func<int, double> rssMb, Func<int, double> cpuPct, params FunctionFigures[] functions) => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta { Project = "checkout", StartTs = 1, TargetBinary = "dotnet" },
        Summary = new SessionSummary { DurationS = wallS(0), CpuPctMean = cpuPct(0), CpuPctMax = 100, PeakRssMb = rssMb(0), PeakThreads = 4, PeakFds = 20, EventCount = 0 },
        Functions = [.. functions.Select(f => new FunctionProfile
        {
            Name = f.Name, Calls = f.Calls, LatencyNs = Latency(f.LatencyNs(0)), AllocBytesPerCall = f.AllocBytesPerCall, Source = FunctionSource.Instrumented,
        })],
        Runs = runs < 2 ? [] : [.. Enumerable.Range(0, runs).Select(i => new RunAggregate
        {
            Index = i,
            WallTimeS = wallS(i),
            PeakRssMb = rssMb(i),
            CpuPctMean = cpuPct(i),
            Functions = [.. functions.Select(f => new RunFunctionAggregate { Name = f.Name, Calls = f.Calls, LatencyNs = Latency(f.LatencyNs(i)), AllocBytesPerCall = f.AllocBytesPerCall })],
        })],
    };

    // Percentiles in fixed proportions to the mean: every latency metric of a function moves with it.
    private static LatencyStats Latency(double mean) => new() { Mean = mean, P50 = mean * 0.9, P95 = mean * 1.5, P99 = mean * 2, Max = mean * 3, Stdev = mean * 0.1 };
}
