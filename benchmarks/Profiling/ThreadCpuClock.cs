using System.Runtime.InteropServices;

namespace RustScope.Benchmarks.Profiling;

/// <summary>
/// The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID): time the thread was preempted is not counted, which
/// is what makes a comparison usable on a loaded machine.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeClockId = 3;

    public static long Nanoseconds()
    {
        if (clock_gettime(ThreadCpuTimeClockId, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
