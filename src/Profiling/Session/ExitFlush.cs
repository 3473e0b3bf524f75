using System.Runtime.InteropServices;
using RustScope.Profiling.Recording;

namespace RustScope.Profiling.Session;

/// <summary>
/// Writes the session to <c>RUSTSCOPE_SESSION_OUT</c> at process exit and on SIGINT/SIGTERM. Installed by the first
/// function registration or benchmark, whichever comes first: a process that only runs benchmarks flushes too.
/// </summary>
internal static class ExitFlush
{
    private static readonly List<PosixSignalRegistration> SignalHooks = [];
    private static int s_installed;

    public static void Install()
    {
        if (Volatile.Read(ref s_installed) != 0 || Interlocked.Exchange(ref s_installed, 1) != 0)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(Profiler.SessionOutVariable) is not { Length: > 0 })
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Profiler.Flush();
        lock (SignalHooks)
        {
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            {
                // Flush, then let the signal do what it would have done (terminate the process).
                SignalHooks.Add(PosixSignalRegistration.Create(signal, _ => Profiler.Flush()));
            }
        }

        // The first write JIT-compiles about a hundred methods (its time: see docs/profiling.md, "Flush"): done now, on
        // a thread of its own, that time is not spent at exit, where rustscope run waits for the file.
        new Thread(WarmUp) { IsBackground = true, Name = "RustScope flush warm-up", Priority = ThreadPriority.BelowNormal }.Start();
    }

    private static void WarmUp()
    {
        var slot = new FunctionSlot();
        slot.RecordLatency(1);
        var function = FunctionTotals.Merge("warm-up", [slot], slot.Calls, CallClock.NanosecondsPerTick);
        var benchmark = new BenchmarkReport { Name = "warm-up", SamplesNs = [1.0] };
        SessionWriter.Write(Stream.Null, "warm-up", 0, [function], [benchmark]);
    }
}
