using Microsoft.Diagnostics.NETCore.Client;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// A diagnostic port the child's runtime connects to at start-up and then waits at (<c>DOTNET_DiagnosticPorts=…,suspend</c>)
/// until RustScope has its EventPipe session open, so nothing from start-up is missed.
/// </summary>
internal sealed class DiagnosticPortListener : IAsyncDisposable
{
    public const string PortsVariable = "DOTNET_DiagnosticPorts";
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<DiagnosticsClientConnector> _connect;
    private Task? _lateResume;

    private DiagnosticPortListener(string socketPath)
    {
        // The connector starts listening before its first await, so the socket exists when the child starts.
        _connect = DiagnosticsClientConnector.FromDiagnosticPort($"{socketPath},listen", _stop.Token);
    }

    /// <summary>Listens at <paramref name="socketPath"/> and points the child's runtime at it.</summary>
    public static DiagnosticPortListener Listen(Process.LaunchSpec launch, string socketPath)
    {
        var listener = new DiagnosticPortListener(socketPath);
        launch.Environment[PortsVariable] = $"{socketPath},connect,suspend";
        return listener;
    }

    /// <summary>The runtime that connected, or null when none did before <paramref name="timeout"/> or the process ended.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task<DiagnosticsClient?> WaitForRuntimeAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_connect.IsCompleted && DateTime.UtcNow < deadline && Directory.Exists($"/proc/{pid}"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAny(_connect, Task.Delay(50, cancellationToken)).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _connect.IsCompletedSuccessfully ? _connect.Result?.Instance : null;
    }

    /// <summary>
    /// For a runtime RustScope stopped waiting for: resumes it should it connect after all, since a runtime at a
    /// suspending port runs no managed code until resumed.
    /// </summary>
    public void ResumeWhenConnected() =>
        _lateResume = _connect.ContinueWith(
            connected =>
            {
                try
                {
                    connected.Result?.Instance.ResumeRuntime();
                }
                catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or IOException)
                {
                    // The target died between connecting and the resume: there is nothing left to resume.
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_lateResume is not null)
            {
                await _lateResume.ConfigureAwait(false);
            }

            if (await _connect.ConfigureAwait(false) is { } connector)
            {
                await connector.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Nothing connected: the listener was cancelled.
        }

        _stop.Dispose();
    }
}
