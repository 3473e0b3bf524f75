using RustScope.Core.Model;

namespace RustScope.Viewer.Tests.Infrastructure;

/// <summary>
/// A session whose stacks keep their process, thread and second, with waiting threads apart: on the CPU the main
/// thread's <see cref="Crunch"/> leads (seconds 0–4), a second thread (named <see cref="HostileThread"/>) runs
/// <see cref="Render"/> in seconds 5–9, and a third thread waits on a lock in <see cref="Lookup"/>.
/// </summary>
internal static class ThreadedSessions
{
    public const string Main = "Program.Main";
    public const string Crunch = "Shop.Batch.Crunch";
    public const string Render = "Shop.Report.Render";
    public const string Lookup = "Shop.Cache.Lookup";
    public const string Enter = "System.Threading.Monitor.Enter_Slowpath";
    public const string HostileThread = "<img src=x onerror=alert(2)> worker";
    public const int Pid = 4242;
    public const int MainTid = 4242, RenderTid = 4250, WaitTid = 4251;
    private const long Start = 1_700_000_000_000;

    /// <summary>CPU: Crunch 60 samples (12 a second, seconds 0–4), Render 40 (8 a second, 5–9); waiting: Monitor.Enter 80.</summary>
    public static ProfileSession Create() => new()
    {
        SchemaVersion = SessionJson.CurrentSchemaVersion,
        Meta = new SessionMeta { Project = "shop", StartTs = Start, EndTs = Start + 10_000, TargetBinary = "/usr/bin/dotnet", Args = ["Shop.dll"], Pid = Pid },
        Summary = new SessionSummary
        {
            DurationS = 10, CpuPctMean = 95, CpuPctMax = 100, PeakRssMb = 64, PeakThreads = 3, PeakFds = 20, EventCount = 0,
            Processes = [new ProcessSummary { Pid = Pid, Name = "Shop" }],
        },
        Samples = [.. Enumerable.Range(0, 10).Select(static i => new Sample { Ts = Start + (i * 1000), CpuPct = 90 + i, HeapMb = 40, Threads = 3, Fds = 20 })],
        Stacks = new StackProfile
        {
            Frames = Frames(),
            Samples =
            [
                .. Enumerable.Range(0, 5).Select(static s => new StackSample { Stack = [0, 1], Weight = 12, Pid = Pid, Tid = MainTid, Second = s }),
                .. Enumerable.Range(5, 5).Select(static s => new StackSample { Stack = [0, 2], Weight = 8, Pid = Pid, Tid = RenderTid, Second = s }),
            ],
            Threads = Threads(),
        },
        WaitStacks = new StackProfile
        {
            Frames = Frames(),
            Samples = [.. Enumerable.Range(0, 10).Select(static s => new StackSample { Stack = [0, 3, 4], Weight = 8, Pid = Pid, Tid = WaitTid, Second = s })],
            Threads = Threads(),
        },
    };

    private static List<StackFrame> Frames() =>
    [
        new() { Name = Main, Module = "Shop" },
        new() { Name = Crunch, Module = "Shop" },
        new() { Name = Render, Module = "Shop" },
        new() { Name = Lookup, Module = "Shop" },
        new() { Name = Enter, Module = "System.Private.CoreLib" },
    ];

    private static List<StackThread> Threads() =>
    [
        new() { Pid = Pid, Tid = MainTid, Name = "Main" },
        new() { Pid = Pid, Tid = RenderTid, Name = HostileThread },
        new() { Pid = Pid, Tid = WaitTid, Name = "Cache refresher" },
    ];
}
