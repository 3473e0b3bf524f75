using System.Text.Json;

namespace RustScope.Profiling.Session;

/// <summary>
/// Writes what the library recorded as a RustScope ProfileSession (schema version 1). The library depends on
/// nothing, RustScope.Core included, so it writes the shared JSON contract itself.
/// </summary>
internal static class SessionWriter
{
    public static void Write(Stream output, string project, long startUnixMs, IReadOnlyList<FunctionReport> functions, IReadOnlyList<BenchmarkReport> benchmarks)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schema_version", 1);
        json.WriteStartObject("meta");
        json.WriteString("project", project);
        json.WriteNumber("start_ts", startUnixMs);
        json.WriteNumber("end_ts", now);
        json.WriteString("target_binary", Environment.ProcessPath ?? project);
        json.WriteNumber("pid", Environment.ProcessId);
        json.WriteString("tool_version", typeof(SessionWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteEndObject();
        WriteSummary(json, (now - startUnixMs) / 1000.0);
        json.WriteStartArray("functions");
        foreach (var function in BySelfTime(functions))
        {
            WriteFunction(json, function);
        }

        json.WriteEndArray();
        json.WriteStartArray("benchmarks");
        foreach (var benchmark in benchmarks)
        {
            json.WriteStartObject();
            json.WriteString("name", benchmark.Name);
            json.WriteString("unit", "ns");
            json.WriteStartArray("samples");
            foreach (var sample in benchmark.SamplesNs)
            {
                json.WriteNumberValue(sample);
            }

            json.WriteEndArray();
            json.WriteNumber("warmup", benchmark.Warmup);
            json.WriteNumber("ops_per_iteration", benchmark.OpsPerIteration);
            json.WriteNumber("alloc_bytes_per_op", benchmark.AllocBytesPerOp);
            json.WriteString("jit_tier", JsonNamingPolicy.SnakeCaseLower.ConvertName(benchmark.JitTier.ToString()));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Highest self time first, ties by name so the file is the same for the same figures.
    private static FunctionReport[] BySelfTime(IReadOnlyList<FunctionReport> functions)
    {
        var ordered = functions.ToArray();
        Array.Sort(ordered, static (a, b) => b.SelfNs != a.SelfNs ? b.SelfNs.CompareTo(a.SelfNs) : string.CompareOrdinal(a.Name, b.Name));
        return ordered;
    }

    // The process-wide figures are rustscope run's to measure; the library writes the required fields empty.
    private static void WriteSummary(Utf8JsonWriter json, double durationS)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("duration_s", Math.Max(0, durationS));
        json.WriteNumber("cpu_pct_mean", 0);
        json.WriteNumber("cpu_pct_max", 0);
        json.WriteNumber("peak_rss_mb", 0);
        json.WriteNumber("peak_threads", 0);
        json.WriteNumber("peak_fds", 0);
        json.WriteNumber("event_count", 0);
        json.WriteEndObject();
    }

    private static void WriteFunction(Utf8JsonWriter json, FunctionReport function)
    {
        json.WriteStartObject();
        json.WriteString("name", function.Name);
        if (function.Symbol is { } symbol)
        {
            json.WriteString("symbol", symbol);
        }

        json.WriteNumber("calls", function.Calls);
        json.WriteStartObject("latency_ns");
        json.WriteNumber("mean", function.MeanNs);
        json.WriteNumber("p50", function.P50Ns);
        json.WriteNumber("p95", function.P95Ns);
        json.WriteNumber("p99", function.P99Ns);
        json.WriteNumber("max", function.MaxNs);
        json.WriteNumber("stdev", function.StdevNs);
        json.WriteEndObject();
        json.WriteNumber("alloc_bytes_per_call", function.AllocatedBytesPerCall);
        json.WriteNumber("max_stack_depth", function.MaxStackDepth);
        json.WriteNumber("outliers", function.Outliers);
        json.WriteNumber("total_time_ns", function.TotalNs);
        json.WriteNumber("self_time_ns", function.SelfNs);
        if (function.BusyNsPerCall is { } busy)
        {
            json.WriteNumber("busy_ns_per_call", busy);
        }

        json.WriteNumber("exceptions", function.Exceptions);
        json.WriteNumber("cancellations", function.Cancellations);
        if (function.ItemsPerCall is { } items)
        {
            json.WriteNumber("items_per_call", items);
        }

        json.WriteStartArray("recent_outliers");
        foreach (var ts in function.RecentOutliers)
        {
            json.WriteNumberValue(ts);
        }

        json.WriteEndArray();
        json.WriteString("source", "instrumented");
        json.WriteEndObject();
    }
}
