using RustScope.Core.Model;

namespace RustScope.Core.Tests.Model;

/// <summary>Sessions with every part of the v1 shape filled in, for round-trip and schema tests.</summary>
internal static class SampleSessions
{
    private static readonly MachineLoad Load = new() { LoadAverage1m = 1.5, CpuPressureAvg10 = 12.5, CpuPressureShare = 0.1, StealShare = 0.01, CpuMhz = 2400, OtherCpuShare = 0.2 };

    public static ProfileSession Full() => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta
        {
            Project = "shop",
            StartTs = 1_700_000_000_000,
            EndTs = 1_700_000_004_000,
            TargetBinary = "/usr/bin/dotnet",
            Args = ["Shop.dll", "--bench", "a b \"quoted\""],
            Pid = 4242,
            ExitCode = 0,
            Termination = Termination.Exited,
            ToolVersion = "0.1.0",
            SamplingHz = 100,
            Host = new HostInfo { Os = "Linux", Kernel = "6.1", Cpu = "Test CPU", Cores = 2, Runtime = ".NET 10.0.0", ContainerCpuLimit = 2, ContainerMemoryLimitMb = 1024 },
            Git = new GitInfo { Sha = "0123456789abcdef0123456789abcdef01234567", Branch = "main" },
            MachineLoad = Load,
            Isolation = new Isolation { Cpus = [1], Environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" } },
        },
        Summary = new SessionSummary
        {
            DurationS = 4,
            CpuPctMean = 95.5,
            CpuPctMax = 101,
            PeakRssMb = 120.5,
            PeakThreads = 12,
            PeakFds = 40,
            EventCount = 1,
            Processes = [new ProcessSummary { Pid = 4242, Ppid = 1, Name = "dot net (x)", FirstSeenS = 0, LastSeenS = 4, CpuPctMax = 101, PeakRssMb = 120.5, PeakThreads = 12, PeakFds = 40 }],
        },
        Samples = [new Sample { Ts = 1_700_000_001_000, CpuPct = 99, HeapMb = 60, Threads = 10, Fds = 30, Processes = 1, GcHeapMb = 20,
            Gen0Gcs = 2, Gen1Gcs = 1, Gen2Gcs = 0, AllocMbPerS = 120.5, ThreadpoolThreads = 4, ThreadpoolQueueLength = 0, ThreadpoolCompletedPerS = 310 }],
        Contentions = [new LockContention { Function = "Shop.Cart.Add", Module = "app", Count = 12, WaitMs = 340.5, Stack = [new StackFrame { Name = "Shop.Cart.Add", Module = "app" }, new StackFrame { Name = "System.Threading.Monitor.Enter_Slowpath", Module = "System.Private.CoreLib" }] }],
        Allocations = [new AllocationSite { Type = "System.Byte[]", Bytes = 4_096_000, Count = 40, Stack = [new StackFrame { Name = "Program.Main", Module = "app" }, new StackFrame { Name = "Shop.AllocHeavy", Module = "app" }] }],
        Functions =
        [
            new FunctionProfile
            {
                Name = "Shop.Checkout.Pay", Symbol = "Shop.Checkout.Pay", Module = "Shop", Calls = 10, SelfPct = 40, TotalPct = 60,
                LatencyNs = new LatencyStats { Mean = 1000, P50 = 900, P95 = 2000, P99 = 3000, Max = 5000, Stdev = 300 },
                AllocBytesPerCall = 128, MaxStackDepth = 3, Outliers = 1, Source = FunctionSource.Instrumented,
                TotalTimeNs = 10_000, SelfTimeNs = 6_000, BusyNsPerCall = 500, Exceptions = 2, Cancellations = 1, ItemsPerCall = 12.5, RecentOutliers = [1_700_000_001_500],
            },
        ],
        MemoryEvents = [new MemoryEvent { Ts = 1_700_000_002_000, Type = "spike", Location = "Memory spike: +10.0 MB", DeltaMb = 10, CpuPct = 50 }],
        Benchmarks = [new BenchmarkResult { Name = "pay", Unit = "ns", Samples = [1.5, 2.5], Warmup = 3, OpsPerIteration = 1000, AllocBytesPerOp = 64 }],
        Stacks = new StackProfile
        {
            Unit = "samples",
            Frames = [new StackFrame { Name = "Main", Module = "Shop" }, new StackFrame { Name = "Pay" }],
            Samples = [new StackSample { Stack = [0, 1], Weight = 7 }],
        },
        Runs =
        [
            new RunAggregate
            {
                Index = 0, WallTimeS = 4, PeakRssMb = 120.5, CpuPctMean = 95.5, ExitCode = 0, MachineLoad = Load,
                Functions = [new RunFunctionAggregate { Name = "Shop.Checkout.Pay", Calls = 10, AllocBytesPerCall = 128, SelfPct = 40, LatencyNs = new LatencyStats { Mean = 1, P50 = 1, P95 = 1, P99 = 1, Max = 1, Stdev = 0 } }],
                Benchmarks = [new RunBenchmarkAggregate { Name = "pay", Median = 2, AllocBytesPerOp = 64 }],
            },
        ],
        Warnings = ["perf is not permitted"],
    };
}
