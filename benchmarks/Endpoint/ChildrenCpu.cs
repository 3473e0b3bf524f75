using System.Runtime.InteropServices;

namespace RustScope.Benchmarks.Endpoint;

/// <summary>
/// The CPU of this process's reaped children (getrusage RUSAGE_CHILDREN): a child's own CPU is its delta across its
/// reaping, the only reading left once it has exited (/proc/PID/stat is gone).
/// </summary>
internal static partial class ChildrenCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan Now()
    {
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (seconds, microseconds each), then 14 longs.
        Span<long> usage = stackalloc long[18];
        if (GetRusage(RusageChildren, usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return TimeSpan.FromMicroseconds(((usage[0] + usage[2]) * 1e6) + usage[1] + usage[3]);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, Span<long> usage);
}
