using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// A process a test starts (rustscope, a fixture, a script), killed with its whole tree when the test disposes it,
/// passed or failed: a failed assertion or a timeout must not leave it running, least of all one that waits for a
/// signal. Started with SIGINT at its default action, as from a terminal, even when the suite runs under nohup.
/// </summary>
internal sealed class FixtureProcess : Process
{
    static FixtureProcess() => InterruptDisposition.RestoreDefaultIfIgnored();

    private FixtureProcess(ProcessStartInfo startInfo) => StartInfo = startInfo;

    public static new FixtureProcess Start(ProcessStartInfo startInfo)
    {
        var process = new FixtureProcess(startInfo);
        process.Start();
        return process;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !HasExited)
        {
            Kill(entireProcessTree: true);
        }

        base.Dispose(disposing);
    }
}
