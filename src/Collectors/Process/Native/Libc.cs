using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>The few libc calls the sampler needs that .NET does not expose without allocating.</summary>
internal static unsafe partial class Libc
{
    public const int SigKill = 9;
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigStop = 19;
    private const int ScClkTck = 2;
    private const int ORdOnly = 0;
    private const int OCloseOnExec = 0x80000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxSize = 0x200;

    [LibraryImport("libc", SetLastError = true)]
    private static partial long sysconf(int name);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial nint opendir(byte* path);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial byte* readdir(nint directory);

    [LibraryImport("libc")]
    internal static partial int closedir(nint directory);

    [LibraryImport("libc", EntryPoint = "open")]
    private static partial int Open(byte* path, int flags);

    [LibraryImport("libc")]
    internal static partial int close(int descriptor);

    [LibraryImport("libc")]
    private static partial int statx(int directory, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc")]
    private static partial int nanosleep(long* duration, long* remaining);

    /// <summary>Opens a directory for reading (close-on-exec); -1 when it cannot be opened.</summary>
    public static int OpenDirectory(byte* path) => Open(path, ORdOnly | OCloseOnExec);

    /// <summary>The size statx reports for an open descriptor, or -1 when the call fails.</summary>
    public static long SizeOf(int descriptor)
    {
        // struct statx is 256 bytes with stx_size at offset 40, the same on every architecture.
        var buffer = stackalloc byte[256];
        var empty = stackalloc byte[1];
        empty[0] = 0;
        return statx(descriptor, empty, AtEmptyPath, StatxSize, buffer) == 0 ? *(long*)(buffer + 40) : -1;
    }

    /// <summary>
    /// Sleeps the calling thread in one nanosleep call: Thread.Sleep waits on a condition variable, which costs a
    /// mutex and a second futex call per wake-up, and the sampler wakes a hundred times a second.
    /// </summary>
    public static void Sleep(TimeSpan duration)
    {
        var ticks = duration.Ticks;
        var timespec = stackalloc long[2];
        timespec[0] = ticks / TimeSpan.TicksPerSecond;
        timespec[1] = ticks % TimeSpan.TicksPerSecond * 100;
        _ = nanosleep(timespec, null);
    }

    /// <summary>Clock ticks per second, the unit of utime/stime in /proc/PID/stat.</summary>
    public static long ClockTicksPerSecond { get; } = sysconf(ScClkTck) is > 0 and var ticks ? ticks : 100;

    /// <summary>Sends a signal; false when the process is gone or not ours.</summary>
    public static bool Kill(int pid, int signal) => SendSignal(pid, signal) == 0;
}
