using Microsoft.Diagnostics.NETCore.Client;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// One EventPipe session on a .NET target, its event stream copied to a .nettrace file while the target runs, so
/// a crash of the target leaves everything received so far on disk.
/// </summary>
internal sealed class EventPipeRecording : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private readonly EventPipeSession _session;
    private readonly FileStream _file;
    private readonly Task _copy;

    private EventPipeRecording(EventPipeSession session, string tracePath)
    {
        _session = session;
        TracePath = tracePath;
        _file = new FileStream(tracePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
        _copy = session.EventStream.CopyToAsync(_file);
    }

    public string TracePath { get; }

    /// <summary>Starts the session; on a runtime that waits at its diagnostic port, before it is resumed.</summary>
    public static async Task<EventPipeRecording> StartAsync(DiagnosticsClient client, string tracePath, CancellationToken cancellationToken)
    {
        var configuration = new EventPipeSessionConfiguration(EventPipeConfiguration.Providers, EventPipeConfiguration.CircularBufferMb, requestRundown: true, requestStackwalk: true);
        var session = await client.StartEventPipeSessionAsync(configuration, cancellationToken).ConfigureAwait(false);
        return new EventPipeRecording(session, tracePath);
    }

    /// <summary>
    /// Ends the session (the runtime then sends its method rundown) and waits until the stream is on disk. A target
    /// that already exited has closed the stream itself. Returns a warning when the stream did not end cleanly.
    /// </summary>
    public async Task<string?> StopAsync()
    {
        string? warning = null;
        if (!_copy.IsCompleted)
        {
            try
            {
                using var stopTimeout = new CancellationTokenSource(DrainTimeout);
                await _session.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ServerNotAvailableException or EndOfStreamException or IOException or OperationCanceledException or TimeoutException)
            {
                // The target went away between the check and the stop: the stream ends on its own.
            }
        }

        try
        {
            await _copy.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            warning = "the EventPipe stream did not end within 30 s; the trace may be incomplete";
        }
        catch (IOException e)
        {
            warning = $"the EventPipe stream broke off ({e.Message}); the trace may be incomplete";
        }

        await _file.FlushAsync().ConfigureAwait(false);
        return warning;
    }

    public async ValueTask DisposeAsync()
    {
        _session.Dispose();
        await _file.DisposeAsync().ConfigureAwait(false);
    }
}
