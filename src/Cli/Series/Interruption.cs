using System.Runtime.InteropServices;

namespace RustScope.Cli.Series;

/// <summary>
/// SIGINT and SIGTERM as a cancellation token. The signal is handled, not fatal: rustscope keeps running so the stop
/// sequence can signal the tree, wait the grace period, and still write the session (or remove a worktree).
/// </summary>
/// <remarks>
/// A SIGINT inherited as ignored stays ignored (the runtime installs no handler for it), on purpose: a shell starts a
/// background job (<c>nohup rustscope run … &amp;</c>) that way so the terminal's Ctrl-C does not stop it, and the
/// profiled command inherits the same disposition, as it would without rustscope. SIGTERM still stops the run.
/// </remarks>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public Interruption()
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
    }

    public CancellationToken Token => _source.Token;

    public bool Requested => _source.IsCancellationRequested;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _source.Dispose();
    }

    private void Interrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        _source.Cancel();
    }
}
