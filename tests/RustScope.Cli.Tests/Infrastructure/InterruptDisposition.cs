using System.Runtime.InteropServices;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// Gives this test host's SIGINT back its default action when it was inherited as ignored, so the processes the tests
/// start take a SIGINT the way they do under a user's Ctrl-C at a terminal.
/// </summary>
/// <remarks>
/// A non-interactive shell starts a background job (<c>nohup ./build.sh test &amp;</c>) with SIGINT and SIGQUIT ignored;
/// an ignored signal stays ignored across exec, the .NET runtime installs no handler for it, and every child of
/// Process.Start inherits it. rustscope and the fixtures then honour nohup and ignore the SIGINT a test sends to stand
/// for Ctrl-C. Only SIG_IGN is reset: a handler of this host's own (or an interactive run's default) is left as it is.
/// </remarks>
internal static partial class InterruptDisposition
{
    private const int SigInt = 2;
    private const nint Ignore = 1; // SIG_IGN; SIG_DFL is 0

    public static void RestoreDefaultIfIgnored()
    {
        Check(sigaction(SigInt, 0, out var current));
        if (current.Handler == Ignore)
        {
            // All zero: SIG_DFL, an empty mask, no flags.
            Check(sigaction(SigInt, new SigAction(), 0));
        }
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"sigaction(SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>glibc's <c>struct sigaction</c> on 64-bit Linux (x86-64 and arm64): the handler first, 152 bytes in all.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 152)]
    private struct SigAction
    {
        public nint Handler;
    }

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static partial int sigaction(int signal, nint action, out SigAction previous);

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static partial int sigaction(int signal, in SigAction action, nint previous);
}
