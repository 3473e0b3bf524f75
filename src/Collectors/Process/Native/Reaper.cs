using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>wait4: reaps one child and hands back the kernel's accounting of it and of what it reaped.</summary>
internal static unsafe partial class Reaper
{
    private const int EIntr = 4;
    private const int NoHang = 1;

    /// <summary>
    /// Blocks until <paramref name="pid"/> ends and reaps it. False when it is not (or no longer) this process's
    /// child to wait for — someone else reaped it.
    /// </summary>
    public static bool TryWait(int pid, out int status, out ResourceUsage usage)
    {
        int waitStatus;
        ResourceUsage rusage;
        int result;
        do
        {
            result = wait4(pid, &waitStatus, 0, &rusage);
        }
        while (result == -1 && Marshal.GetLastPInvokeError() == EIntr);

        status = waitStatus;
        usage = rusage;
        return result == pid;
    }

    /// <summary>
    /// Reaps <paramref name="pid"/> if it is this process's child and has ended, without waiting: an orphan of the tree
    /// re-parented to rustscope (the subreaper) would otherwise stay a zombie until rustscope exits.
    /// </summary>
    public static bool TryReapEnded(int pid)
    {
        int waitStatus;
        ResourceUsage rusage;
        return wait4(pid, &waitStatus, NoHang, &rusage) == pid;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int wait4(int pid, int* status, int options, ResourceUsage* usage);
}
