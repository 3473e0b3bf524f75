using Microsoft.Diagnostics.Tracing.EventPipe;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Tells a thread sample of the runtime's sample profiler that ran on a CPU from one that waited. "External" samples are
/// threads outside managed code: blocked in a wait, a sleep or blocking I/O, or in native code EventPipe cannot see into;
/// they all count as waiting. "Managed" samples run managed code, except those caught at one of the runtime's blocking
/// points: a thread entering or leaving a wait is sampled there as Managed for a moment, and one parked at a GC poll
/// waits for a suspension to end. Spin-waiting (SpinWait, the thread pool's spinner) burns CPU and stays CPU.
/// </summary>
internal static class ThreadSampleClassifier
{
    // Leaf methods (name before the parameter list) where a Managed sample is a thread at a blocking call, measured on
    // .NET 10: a target's sleeping and waiting threads show 1-3 % of their samples as Managed in exactly these frames.
    private static readonly HashSet<string> BlockingPoints = new(StringComparer.Ordinal)
    {
        "System.Threading.Thread.Sleep",
        "System.Threading.Thread.SleepInternal",
        "System.Threading.Thread.Join",
        "System.Threading.Monitor.Enter_Slowpath",
        "System.Threading.Monitor.TryEnter_Slowpath",
        "System.Threading.Monitor.Wait",
        "System.Threading.WaitHandle.WaitOneNoCheck",
        "System.Threading.WaitHandle.WaitOneCore",
        "System.Threading.WaitHandle.WaitMultiple",
        "System.Threading.WaitHandle.WaitMultipleIgnoringSyncContext",
        "System.Threading.WaitHandle.SignalAndWait",
        "System.Threading.LowLevelLifoSemaphore.WaitNative",
        "System.Threading.LowLevelMonitor.Wait",
        "System.Threading.LowLevelMonitor.WaitCore",
    };

    /// <summary>True when the sample is of a waiting thread; <paramref name="leaf"/> is the innermost managed frame.</summary>
    public static bool IsWaiting(ClrThreadSampleType type, StackFrame leaf) =>
        type != ClrThreadSampleType.Managed
        || BlockingPoints.Contains(MethodName(leaf.Name))
        // The GC poll's worker is a compiler-generated local function whose suffix changes between builds.
        || leaf.Name.StartsWith("System.Threading.Thread.<PollGC>", StringComparison.Ordinal);

    private static string MethodName(string frame) => frame.IndexOf('(', StringComparison.Ordinal) is > 0 and var parameters ? frame[..parameters] : frame;
}
