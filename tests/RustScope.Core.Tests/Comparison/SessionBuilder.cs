using RustScope.Core.Model;

namespace RustScope.Core.Tests.Comparison;

/// <summary>Sessions with N runs whose values follow a fixed, noisy-looking pattern, scaled per side.</summary>
internal static class SessionBuilder
{
    // ±3 % spread, the same shape on both sides, so a scale factor is a clean shift.
    private static readonly double[] Noise = [1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1.015, 0.985, 1.005, 0.995, 1.025];

    public static ProfileSession WithRuns(int runs, double wallScale = 1, double allocScale = 1, string function = "Shop.Checkout.Pay", string project = "checkout", HostInfo? host = null, double cpuScale = 0) => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta { Project = project, StartTs = 1, TargetBinary = "dotnet", Host = host ?? Host() },
        Summary = new SessionSummary { DurationS = 2 * wallScale, CpuS = 1.9 * cpuScale, CpuPctMean = 95, CpuPctMax = 100, PeakRssMb = 100, PeakThreads = 8, PeakFds = 30, EventCount = 0 },
        Functions = [Function(function, 1_000_000 * wallScale, 512 * allocScale)],
        Runs = [.. Enumerable.Range(0, runs).Select(i => new RunAggregate
        {
            Index = i,
            WallTimeS = 2 * wallScale * Noise[i % Noise.Length],
            PeakRssMb = 100 * Noise[(i + 3) % Noise.Length],
            CpuPctMean = 95 * Noise[(i + 5) % Noise.Length],
            CpuS = 1.9 * cpuScale * Noise[(i + 9) % Noise.Length],
            Functions = [new RunFunctionAggregate
            {
                Name = function,
                Calls = 1000,
                AllocBytesPerCall = 512 * allocScale,
                LatencyNs = Latency(1_000_000 * wallScale * Noise[(i + 7) % Noise.Length]),
            }],
        })],
    };

    public static HostInfo Host(string cpu = "Test CPU") => new() { Os = "Linux", Cpu = cpu, Cores = 2, Runtime = ".NET 10.0.0" };

    public static LatencyStats Latency(double mean) => new() { Mean = mean, P50 = mean * 0.9, P95 = mean * 1.5, P99 = mean * 2, Max = mean * 3, Stdev = mean * 0.1 };

    private static FunctionProfile Function(string name, double mean, double alloc) => new()
    {
        Name = name, Calls = 1000, LatencyNs = Latency(mean), AllocBytesPerCall = alloc, Source = FunctionSource.Instrumented,
    };
}
