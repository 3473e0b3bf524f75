using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Gate;

/// <summary>Sessions written by the test itself, so the gate's options are exercised without profiling anything.</summary>
internal static class SyntheticSessions
{
    /// <summary>A session of <paramref name="wallTimes"/> runs with the same memory and CPU in each.</summary>
    public static void Write(string path, params double[] wallTimes) => SessionJson.Write(new ProfileSession
    {
        SchemaVersion = SessionJson.CurrentSchemaVersion,
        Meta = new SessionMeta { Project = "app", StartTs = 0, TargetBinary = "app", ExitCode = 0 },
        Summary = new SessionSummary { DurationS = wallTimes.Average(), CpuPctMean = 90, CpuPctMax = 99, PeakRssMb = 100, PeakThreads = 1, PeakFds = 3, EventCount = 0 },
        Runs = [.. wallTimes.Select((wall, i) => new RunAggregate { Index = i, WallTimeS = wall, PeakRssMb = 100, CpuPctMean = 90, ExitCode = 0 })],
    }, path);

    /// <summary>Ten runs around one second with a little noise, times <paramref name="factor"/>.</summary>
    public static double[] AroundOneSecond(double factor) =>
        [.. new[] { 1.00, 1.01, 0.99, 1.02, 0.98, 1.00, 1.01, 0.99, 1.02, 0.98 }.Select(t => t * factor)];
}
