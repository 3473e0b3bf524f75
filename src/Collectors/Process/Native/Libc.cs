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

    /// <summary>Clock ticks per second, the unit of utime/stime in /proc/PID/stat.</summary>
    public static long ClockTicksPerSecond { get; } = sysconf(ScClkTck) is > 0 and var ticks ? ticks : 100;

    /// <summary>Sends a signal; false when the process is gone or not ours.</summary>
    public static bool Kill(int pid, int signal) => SendSignal(pid, signal) == 0;
}
