using System.Runtime.InteropServices;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>Sends POSIX signals to processes under test.</summary>
internal static partial class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    public static void Send(int pid, int signal)
    {
        if (!TrySend(pid, signal))
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> to a process that may have ended already: false if it had.</summary>
    public static bool TrySend(int pid, int signal) => kill(pid, signal) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
