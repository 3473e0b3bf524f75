using RustScope.Core.Model;

namespace RustScope.History.Tests.Infrastructure;

/// <summary>
/// Sessions with known figures, as <c>rustscope run --runs N</c> writes them: per-run aggregates of the process and of
/// instrumented functions. Four process metrics and six per function: 32 functions make 196 metrics a session.
/// </summary>
public static class SyntheticSessions
{
    public static HostInfo Host { get; } = new() { Os = "Linux", Cpu = "Test CPU 3000", Cores = 8, Runtime = ".NET 10.0.0" };

    /// <param name="index">Makes the session distinct (its start time); also varies the values a little.</param>
    /// <param name="commit">meta.git.sha.</param>
    /// <param name="level">The wall time of its runs, in seconds (the other figures scale with it).</param>
    public static ProfileSession Make(int index, string commit, int runs = 3, int functions = 4, double level = 1.0, HostInfo? host = null, string project = "checkout", string branch = "main") => new()
    {
        SchemaVersion = SessionJson.CurrentSchemaVersion,
        Meta = new SessionMeta
        {
            Project = project,
            StartTs = 1_700_000_000_000 + (index * 60_000L),
            TargetBinary = "/usr/bin/" + project,
            Host = host ?? Host,
            Git = new GitInfo { Sha = commit, Branch = branch },
            ExitCode = 0,
        },
        Summary = new SessionSummary { DurationS = level, CpuPctMean = 90, CpuPctMax = 100, PeakRssMb = 50, PeakThreads = 4, PeakFds = 10, EventCount = 0, CpuS = level * 0.9 },
        Runs = [.. Enumerable.Range(0, runs).Select(r => new RunAggregate
        {
            Index = r,
            WallTimeS = level * (1 + (0.001 * ((r + index) % 5))),
            PeakRssMb = 50 + r,
            CpuPctMean = 90,
            CpuS = level * 0.9,
            Functions = [.. Enumerable.Range(0, functions).Select(f => new RunFunctionAggregate
            {
                Name = $"Shop.Checkout.Step{f}",
                Calls = 1000,
                AllocBytesPerCall = 64,
                LatencyNs = new LatencyStats { Mean = 1000 * level, P50 = 900 * level, P95 = 1500 * level, P99 = 2000 * level, Max = 3000 * level, Stdev = 100 },
            })],
        })],
    };

    /// <summary>A 40-hex-digit commit sha made from a number.</summary>
    public static string Commit(int number) => number.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
}
