using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>The descriptor calls a helper that inherits descriptors needs: a pipe, a copy above the low numbers.</summary>
internal static unsafe partial class Descriptors
{
    private const int OCloseOnExec = 0x80000;
    private const int FDupFdCloseOnExec = 1030;

    /// <summary>A close-on-exec pipe: (read end, write end).</summary>
    /// <exception cref="IOException">The kernel refused (no descriptors left).</exception>
    public static (int Read, int Write) Pipe()
    {
        var ends = stackalloc int[2];
        return pipe2(ends, OCloseOnExec) == 0 ? (ends[0], ends[1]) : throw new IOException($"pipe2 failed: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    /// <summary>A close-on-exec copy of <paramref name="descriptor"/> numbered at least <paramref name="minimum"/>.</summary>
    /// <exception cref="IOException">The kernel refused.</exception>
    public static int CopyAbove(int descriptor, int minimum) =>
        fcntl(descriptor, FDupFdCloseOnExec, minimum) is >= 0 and var copy ? copy : throw new IOException($"fcntl failed: {Marshal.GetLastPInvokeErrorMessage()}");

    public static void Close(int descriptor) => _ = Libc.close(descriptor);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int pipe2(int* ends, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int descriptor, int command, int argument);
}
