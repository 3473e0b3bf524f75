using Microsoft.Diagnostics.NETCore.Client;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// The EventPipe sessions on one .NET target, read while it runs: one for CPU and allocation samples (analysed as
/// they arrive, so little is left to do when the target ends) and one for the runtime counters. A target that
/// crashes keeps everything its sessions delivered until then.
/// </summary>
internal sealed class EventPipeRecording : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);
    private readonly EventPipeSession _sampling;
    private readonly EventPipeSession _counters;
    private readonly LiveTraceAnalyzer _analyzer;
    private readonly Task<string?> _analysis;
    private readonly Task<(IReadOnlyList<RuntimeCounterPoint> Points, string? Warning)> _counterReading;

    private EventPipeRecording(EventPipeSession sampling, EventPipeSession counters, int pid, bool fromStart)
    {
        _sampling = sampling;
        _counters = counters;
        _analyzer = new LiveTraceAnalyzer(sampling, pid);
        // Each read blocks its thread for the whole run: dedicated threads, not two taken from the pool.
        _analysis = Task.Factory.StartNew(_analyzer.Process, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _counterReading = Task.Factory.StartNew(() => RuntimeCounterReader.Read(counters.EventStream, fromStart), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts the sessions on <paramref name="pid"/>'s runtime; on a runtime that waits at its diagnostic port, before it is resumed.</summary>
    /// <param name="fromStart">True for a runtime of the launched tree (it announced itself as it started), false for an attached one.</param>
    public static async Task<EventPipeRecording> StartAsync(DiagnosticsClient client, int pid, bool fromStart, CancellationToken cancellationToken)
    {
        var sampling = await client.StartEventPipeSessionAsync(
            new EventPipeSessionConfiguration(EventPipeConfiguration.SamplingProviders, EventPipeConfiguration.CircularBufferMb, requestRundown: true, requestStackwalk: true),
            cancellationToken).ConfigureAwait(false);
        EventPipeSession? counters = null;
        try
        {
            counters = await client.StartEventPipeSessionAsync(
                new EventPipeSessionConfiguration(EventPipeConfiguration.CounterProviders, EventPipeConfiguration.CounterBufferMb, requestRundown: false, requestStackwalk: false),
                cancellationToken).ConfigureAwait(false);
            return new EventPipeRecording(sampling, counters, pid, fromStart);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            sampling.Dispose();
            counters?.Dispose();
            if (e is OperationCanceledException or ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or IOException)
            {
                throw;
            }

            // TraceLog reads the stream's header as it is created: a header it cannot read is an I/O failure to the caller.
            throw new IOException($"the EventPipe stream could not be read ({e.GetType().Name}: {e.Message})", e);
        }
    }

    /// <summary>
    /// Ends the sessions while the target still runs and waits, at most <paramref name="timeout"/>, until both streams
    /// are read: a session still open when the runtime shuts down makes the target's exit wait until its rundown is
    /// read. <see cref="StopAsync()"/> then finds the streams ended.
    /// </summary>
    public async Task EndSessionsAsync(TimeSpan timeout) =>
        await Task.WhenAll(StopAsync(_sampling, _analysis), StopAsync(_counters, _counterReading), _analysis, _counterReading)
            .WaitAsync(timeout)
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>
    /// Ends the sessions (the runtime then sends the sampling session's method rundown), waits until both streams
    /// are read and returns what they held. A target that already exited has closed the streams itself.
    /// </summary>
    public async Task<SampledProcess> StopAsync()
    {
        List<string> warnings = [];
        await Task.WhenAll(StopAsync(_sampling, _analysis), StopAsync(_counters, _counterReading)).ConfigureAwait(false);

        // A stream that never ended is still being read on its own thread: its tables must not be read beside it.
        var profile = new SampledProcess { Pid = _analyzer.Pid };
        if (await EndedAsync(_analysis, "EventPipe", warnings).ConfigureAwait(false))
        {
            if (_analysis.Result is { } analysisWarning)
            {
                warnings.Add(analysisWarning);
            }

            profile = _analyzer.Profile();
        }

        if (await EndedAsync(_counterReading, "runtime counters", warnings).ConfigureAwait(false))
        {
            var (points, counterWarning) = _counterReading.Result;
            profile = profile with { Counters = points };
            if (counterWarning is not null)
            {
                warnings.Add(counterWarning);
            }
        }

        return profile with { Warnings = [.. warnings, .. profile.Warnings] };
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing a session closes its stream, which ends its reader.
        _sampling.Dispose();
        _counters.Dispose();
        try
        {
            await Task.WhenAll(_analysis, _counterReading).WaitAsync(DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A reader still stuck after its stream closed is left to the end of the process.
        }

        if (_analysis.IsCompleted)
        {
            _analyzer.Dispose();
        }
    }

    private static async Task StopAsync(EventPipeSession session, Task reading)
    {
        if (reading.IsCompleted)
        {
            return;
        }

        try
        {
            using var stopTimeout = new CancellationTokenSource(DrainTimeout);
            await session.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServerNotAvailableException or EndOfStreamException or IOException or OperationCanceledException or TimeoutException)
        {
            // The target went away between the check and the stop: the stream ends on its own.
        }
    }

    // The readers never throw: a broken stream is a warning they return.
    private static async Task<bool> EndedAsync(Task reading, string stream, List<string> warnings)
    {
        try
        {
            await reading.WaitAsync(DrainTimeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            warnings.Add($"the {stream} stream did not end within {DrainTimeout.TotalSeconds:0} s; its data is left out");
            return false;
        }
    }
}
