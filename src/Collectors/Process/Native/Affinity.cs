using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>sched_getaffinity / sched_setaffinity on the calling thread (pid 0 means the calling thread on Linux).</summary>
internal static unsafe partial class Affinity
{
    // glibc's cpu_set_t: 1024 CPUs, one bit each.
    private const int MaskBytes = 128;

    /// <summary>The CPUs the calling thread may run on.</summary>
    public static IReadOnlyList<int> OfCallingThread()
    {
        var mask = stackalloc byte[MaskBytes];
        if (sched_getaffinity(0, MaskBytes, mask) != 0)
        {
            throw new InvalidOperationException($"sched_getaffinity failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        var cpus = new List<int>();
        for (var cpu = 0; cpu < MaskBytes * 8; cpu++)
        {
            if ((mask[cpu / 8] & (1 << (cpu % 8))) != 0)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    /// <summary>Restricts the calling thread to <paramref name="cpus"/>; threads and processes it starts inherit the set.</summary>
    /// <exception cref="ArgumentException">The set is empty, names a CPU beyond 1023, or none of its CPUs is online.</exception>
    public static void SetCallingThread(IReadOnlyList<int> cpus)
    {
        var mask = stackalloc byte[MaskBytes];
        new Span<byte>(mask, MaskBytes).Clear();
        foreach (var cpu in cpus)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cpu);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(cpu, MaskBytes * 8);
            mask[cpu / 8] |= (byte)(1 << (cpu % 8));
        }

        if (sched_setaffinity(0, MaskBytes, mask) != 0)
        {
            throw new ArgumentException($"cannot pin to CPUs {string.Join(',', cpus)}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}", nameof(cpus));
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nint size, byte* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nint size, byte* mask);
}
