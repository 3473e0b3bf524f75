using Microsoft.Diagnostics.NETCore.Client;
using RustScope.Collectors.Sampling;
using RustScope.Collectors.Sampling.EventPipe;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// An EventPipe session of this process on its own diagnostic port, read on a thread of its own by the CLI's
/// <see cref="LiveTraceAnalyzer"/> while the process goes on; stopping it makes the runtime send the method rundown that
/// names code compiled before the session began.
/// </summary>
internal sealed class InProcessTrace : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly EventPipeSession _session;
    private readonly LiveTraceAnalyzer _analyzer;
    private readonly Task<string?> _reading;
    private readonly long _startUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private InProcessTrace(EventPipeSession session)
    {
        _session = session;
        _analyzer = new LiveTraceAnalyzer(session, Environment.ProcessId);
        // The read blocks its thread until the session ends: a dedicated thread, not one of the pool's.
        _reading = Task.Factory.StartNew(_analyzer.Process, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <exception cref="ProfilingUnavailableException">The runtime's diagnostic server is off or refused the session.</exception>
    public static async Task<InProcessTrace> StartAsync(IReadOnlyList<EventPipeProvider> providers, CancellationToken cancellationToken)
    {
        EventPipeSession session;
        try
        {
            var client = new DiagnosticsClient(Environment.ProcessId);
            session = await client.StartEventPipeSessionAsync(
                new EventPipeSessionConfiguration(providers, circularBufferSizeMB: 64, requestRundown: true, requestStackwalk: true),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or IOException or TimeoutException)
        {
            throw new ProfilingUnavailableException(Unavailable(e), e);
        }

        try
        {
            return new InProcessTrace(session);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            session.Dispose();
            throw new ProfilingUnavailableException($"the EventPipe stream could not be read ({e.GetType().Name}: {e.Message})", e);
        }
    }

    /// <summary>Ends the session, waits for the rundown to be read and returns what the stream held.</summary>
    public async Task<SampledProfile> StopAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(DrainTimeout);
            await _session.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerNotAvailableException or EndOfStreamException or IOException or OperationCanceledException or TimeoutException)
        {
            // The stream ends on its own when the stop cannot be sent; the wait below bounds it either way.
        }

        try
        {
            var warning = await _reading.WaitAsync(DrainTimeout).ConfigureAwait(false);
            var profile = ProcessProfileMerger.Merge([_analyzer.Profile()], _startUnixMs);
            return warning is null ? profile : profile with { Warnings = [.. profile.Warnings, warning] };
        }
        catch (TimeoutException)
        {
            return SampledProfile.Warning($"the EventPipe stream did not end within {DrainTimeout.TotalSeconds:0} s; its data is left out");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _session.Dispose();
        try
        {
            await _reading.WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A reader stuck after its stream closed is left to the end of the process.
        }

        if (_reading.IsCompleted)
        {
            _analyzer.Dispose();
        }
    }

    internal static string Unavailable(Exception e) =>
        Environment.GetEnvironmentVariable("DOTNET_EnableDiagnostics") is "0"
            ? "the runtime's diagnostic server is off in this process (DOTNET_EnableDiagnostics=0), so it cannot profile itself"
            : $"the runtime's diagnostic server refused the profiling session ({e.GetType().Name}: {e.Message})";
}
