using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>A session with something in every part <c>show</c> prints, figures chosen so the expected text is known exactly.</summary>
internal static class ShowSessions
{
    /// <summary>A function name that would turn a terminal red if printed as is.</summary>
    public const string HostileName = "A<b>\u001b[31mred";

    /// <summary>
    /// Three runs: wall 1.0/1.1/1.2 s, peak RSS 100/102/104 MB, CPU 50/60/70 %, the hostile function's p50 1/2/3 µs;
    /// 13 sampled functions on a CPU (the hostile one first at 40.5 %, waiting 5 %) and one only waiting (62.5 %), one
    /// instrumented, one contended lock taken in the hostile function, one allocation site, two .NET samples, three
    /// events, one warning.
    /// </summary>
    public static ProfileSession Everything() => new()
    {
        SchemaVersion = SessionJson.CurrentSchemaVersion,
        Meta = new SessionMeta { Project = "shop", StartTs = 1_800_000_000_000, TargetBinary = "/usr/bin/shop", Args = ["--bench"], ExitCode = 0, Termination = Termination.Exited },
        Summary = new SessionSummary { DurationS = 1.2, CpuPctMean = 70, CpuPctMax = 95, PeakRssMb = 104, PeakThreads = 9, PeakFds = 20, EventCount = 3 },
        Runs = [Run(0, 1.0, 100, 50, 1000), Run(1, 1.1, 102, 60, 2000), Run(2, 1.2, 104, 70, 3000)],
        Functions =
        [
            new FunctionProfile { Name = HostileName, Module = "evil\u0007.dll", Calls = 120, SelfPct = 40.5, TotalPct = 80.2, WaitPct = 5 },
            .. Enumerable.Range(1, 12).Select(i => new FunctionProfile { Name = $"Shop.Filler{i}", Module = "Shop", Calls = 13 - i, SelfPct = 13 - i, TotalPct = 13 - i }),
            new FunctionProfile { Name = "Shop.Waiter", Module = "Shop", Calls = 0, SelfPct = 0, TotalPct = 0, WaitPct = 62.5 },
            new FunctionProfile
            {
                Name = HostileName,
                Calls = 3000,
                Exceptions = 12,
                Cancellations = 3,
                SelfTimeNs = 6_000_000,
                LatencyNs = new LatencyStats { Mean = 2000, P50 = 1500, P95 = 4000, P99 = 9000, Max = 20_000, Stdev = 800 },
                Source = FunctionSource.Instrumented,
            },
        ],
        Contentions = [new LockContention { Function = HostileName, Module = "Shop", Count = 7, WaitMs = 1500, Stack = [new StackFrame { Name = HostileName }, new StackFrame { Name = "System.Threading.Monitor.Enter_Slowpath" }] }],
        Allocations = [new AllocationSite { Type = "System.Byte[]", Bytes = 5_000_000, Count = 50, Stack = [new StackFrame { Name = "Main" }, new StackFrame { Name = HostileName }] }],
        Samples =
        [
            new Sample { Ts = 1_800_000_001_000, CpuPct = 60, HeapMb = 90, Threads = 8, Gen0Gcs = 3, Gen1Gcs = 1, Gen2Gcs = 0, GcHeapMb = 12.5, AllocMbPerS = 100, ThreadpoolThreads = 4, ThreadpoolQueueLength = 2, ThreadpoolCompletedPerS = 50, GcPauseMs = 1.5, TimeInGcPct = 2, LockContentions = 3, JitTimeMs = 100, Exceptions = 0 },
            new Sample { Ts = 1_800_000_002_000, CpuPct = 80, HeapMb = 104, Threads = 9, Gen0Gcs = 2, Gen1Gcs = 0, Gen2Gcs = 0, GcHeapMb = 20, AllocMbPerS = 300, ThreadpoolThreads = 6, ThreadpoolQueueLength = 0, ThreadpoolCompletedPerS = 150, GcPauseMs = 2.5, TimeInGcPct = 4, LockContentions = 4, JitMethods = 20, JitTimeMs = 50, Exceptions = 5 },
        ],
        MemoryEvents =
        [
            new MemoryEvent { Ts = 1_800_000_001_000, Type = "spike", Location = "Memory spike: +10.0 MB", DeltaMb = 10 },
            new MemoryEvent { Ts = 1_800_000_001_500, Type = "cpu_spike", Location = "CPU spike: 95 %", CpuPct = 95 },
            new MemoryEvent { Ts = 1_800_000_002_000, Type = "spike", Location = "Memory spike: +6.0 MB", DeltaMb = 6 },
        ],
        Warnings = ["the target ended before the first sample"],
    };

    private static RunAggregate Run(int index, double wallS, double peakRssMb, double cpuPct, double p50Ns) => new()
    {
        Index = index,
        WallTimeS = wallS,
        PeakRssMb = peakRssMb,
        CpuPctMean = cpuPct,
        ExitCode = 0,
        Functions = [new RunFunctionAggregate { Name = HostileName, Calls = 1000, LatencyNs = new LatencyStats { Mean = p50Ns, P50 = p50Ns, P95 = p50Ns, P99 = p50Ns, Max = p50Ns, Stdev = 0 } }],
    };
}
