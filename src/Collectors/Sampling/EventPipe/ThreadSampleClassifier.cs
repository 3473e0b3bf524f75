using Microsoft.Diagnostics.Tracing.EventPipe;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Tells a thread sample of the runtime's sample profiler that ran on a CPU from one that waited. "External" samples are
/// threads outside managed code: blocked in a wait, a sleep or blocking I/O, or in native code EventPipe cannot see into;
/// they all count as waiting. "Managed" samples run managed code, except those caught in one of the runtime library's
/// waiting primitives: a thread entering or leaving a blocking call, one parked at a GC poll until a suspension ends,
/// and one in the brief spin before a block (SpinWait, the thread pool's semaphore), which the profiler marks Managed
/// far more often than the thread is on a CPU (docs/sampling.md has the figures).
/// </summary>
internal static class ThreadSampleClassifier
{
    // Leaf methods (name before the parameter list) where a Managed sample is a waiting thread, measured on .NET 10:
    // sleeping and blocked threads show 1-3 % of their samples as Managed in the blocking calls; idle thread-pool
    // workers and threads in Task.Wait or SemaphoreSlim.Wait 10-30 % in the spinning ones, with no CPU time in /proc.
    private static readonly HashSet<string> WaitingPoints = new(StringComparer.Ordinal)
    {
        "System.Threading.Thread.Sleep",
        "System.Threading.Thread.SleepInternal",
        "System.Threading.Thread.Join",
        "System.Threading.Thread.PollGC",
        "System.Threading.Monitor.Enter_Slowpath",
        "System.Threading.Monitor.TryEnter_Slowpath",
        // Handing a contended lock to a waiter: threads doing it all day show no CPU time in /proc, 2-3 % of samples here.
        "System.Threading.Monitor.Exit_Slowpath",
        "System.Threading.Monitor.Wait",
        "System.Threading.WaitHandle.WaitOneNoCheck",
        "System.Threading.WaitHandle.WaitOneCore",
        "System.Threading.WaitHandle.WaitMultiple",
        "System.Threading.WaitHandle.WaitMultipleIgnoringSyncContext",
        "System.Threading.WaitHandle.SignalAndWait",
        "System.Threading.LowLevelLifoSemaphore.WaitNative",
        "System.Threading.LowLevelMonitor.Wait",
        "System.Threading.LowLevelMonitor.WaitCore",
        "System.Threading.LowLevelSpinWaiter.Wait",
        "System.Threading.LowLevelLifoSemaphore.Wait",
        "System.Threading.SpinWait.SpinOnce",
        "System.Threading.SpinWait.SpinOnceCore",
        "System.Threading.ManualResetEventSlim.Wait",
        "System.Threading.SemaphoreSlim.Wait",
        "System.Threading.SemaphoreSlim.WaitCore",
        "System.Threading.Tasks.Task.SpinWait",
        "System.Threading.Tasks.Task.SpinThenBlockingWait",
        // An idle worker's loop once the JIT has inlined the semaphore's spin into it; the work it runs is in callees.
        "System.Threading.PortableThreadPool+WorkerThread.WorkerThreadStart",
    };

    /// <summary>True when the sample is of a waiting thread; <paramref name="leaf"/> is the innermost managed frame.</summary>
    public static bool IsWaiting(ClrThreadSampleType type, StackFrame leaf) =>
        type != ClrThreadSampleType.Managed
        || WaitingPoints.Contains(MethodName(leaf.Name))
        // The GC poll's worker is a compiler-generated local function whose suffix changes between builds.
        || leaf.Name.StartsWith("System.Threading.Thread.<PollGC>", StringComparison.Ordinal);

    private static string MethodName(string frame) => frame.IndexOf('(', StringComparison.Ordinal) is > 0 and var parameters ? frame[..parameters] : frame;
}
