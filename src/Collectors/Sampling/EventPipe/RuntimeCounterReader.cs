using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.EventPipe;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Reads the System.Runtime EventCounters reports. The runtime sends one event per counter per interval; a report
/// is complete when a counter name repeats, which starts the next one.
/// </summary>
internal sealed class RuntimeCounterReader
{
    private readonly List<RuntimeCounterPoint> _points = [];
    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);
    private readonly CumulativeCounter _jittedMethods;
    private long _currentTs;

    private RuntimeCounterReader(bool fromStart) => _jittedMethods = new CumulativeCounter(fromStart);

    /// <summary>
    /// Reads the reports of an EventPipe stream (a session of its own: TraceLog, which reads the sampling session,
    /// drops the field names of self-describing events) until it ends. A stream that breaks off or is malformed
    /// gives a warning, and the reports read before that are kept.
    /// </summary>
    /// <param name="fromStart">True when the runtime is sampled from its start: its running totals then count from zero.</param>
    public static (IReadOnlyList<RuntimeCounterPoint> Points, string? Warning) Read(Stream stream, bool fromStart)
    {
        var reader = new RuntimeCounterReader(fromStart);
        try
        {
            using var source = new EventPipeEventSource(stream);
            source.Dynamic.AddCallbackForProviderEvent(EventPipeConfiguration.RuntimeCountersProvider, "EventCounters", reader.OnEvent);
            source.Process();
            return (reader.Points(), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var points = reader.Points();
            return (points, $"the runtime counters could not be read to the end of the stream ({e.GetType().Name}: {e.Message}); the {points.Count} reports before that are kept");
        }
    }

    private List<RuntimeCounterPoint> Points()
    {
        Flush();
        return _points;
    }

    private void OnEvent(TraceEvent data)
    {
        if (Payload(data) is not { } payload || !payload.TryGetValue("Name", out var nameValue) || nameValue is not string name)
        {
            return;
        }

        if (_current.ContainsKey(name))
        {
            Flush();
        }

        if (_current.Count == 0)
        {
            _currentTs = new DateTimeOffset(data.TimeStamp.ToUniversalTime()).ToUnixTimeMilliseconds();
        }

        // Mean counters (gauges) carry "Mean"; incrementing counters carry "Increment" over "IntervalSec".
        if (payload.TryGetValue("Increment", out var increment))
        {
            var seconds = payload.TryGetValue("IntervalSec", out var interval) ? Number(interval) : 1;
            _current[name] = seconds > 0 ? Number(increment) / seconds : Number(increment);
        }
        else if (payload.TryGetValue("Mean", out var mean))
        {
            _current[name] = Number(mean);
        }
    }

    // The event has one unnamed field holding {"Payload": {...}}; the counter's fields are in the inner object.
    private static IDictionary<string, object>? Payload(TraceEvent data) =>
        data.PayloadNames.Length > 0 && data.PayloadValue(0) is IDictionary<string, object> outer
            && outer.TryGetValue("Payload", out var inner) && inner is IDictionary<string, object> fields
            ? fields
            : null;

    private void Flush()
    {
        if (_current.Count == 0)
        {
            return;
        }

        _points.Add(new RuntimeCounterPoint
        {
            Ts = _currentTs,
            GcHeapMb = Value("gc-heap-size"),
            Gen0Gcs = Count("gen-0-gc-count"),
            Gen1Gcs = Count("gen-1-gc-count"),
            Gen2Gcs = Count("gen-2-gc-count"),
            AllocMbPerS = Value("alloc-rate") is { } bytes ? bytes / 1e6 : null,
            ThreadpoolThreads = Count("threadpool-thread-count"),
            ThreadpoolQueueLength = Value("threadpool-queue-length"),
            ThreadpoolCompletedPerS = Value("threadpool-completed-items-count"),
            // .NET 7+ names; total-pause-time-by-gc, time-in-jit and the counts are per interval, methods-jitted-count
            // is a running total.
            GcPauseMs = Value("total-pause-time-by-gc"),
            TimeInGcPct = Value("time-in-gc"),
            LockContentions = LongCount("monitor-lock-contention-count"),
            JitMethods = _jittedMethods.Next(Value("methods-jitted-count")) is { } jitted ? (long)Math.Round(jitted) : null,
            JitTimeMs = Value("time-in-jit"),
            Exceptions = LongCount("exception-count"),
        });
        _current.Clear();
    }

    private double? Value(string counter) => _current.TryGetValue(counter, out var value) ? value : null;

    private int? Count(string counter) => Value(counter) is { } value ? (int)Math.Round(value) : null;

    private long? LongCount(string counter) => Value(counter) is { } value ? (long)Math.Round(value) : null;

    private static double Number(object value) => value switch
    {
        double d => d,
        float f => f,
        IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => double.NaN,
    };
}
