using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Reads BenchmarkDotNet's full JSON export (<c>*-report-full.json</c>) as a session whose <c>benchmarks[]</c> hold
/// each benchmark's per-iteration times (workload "Result" iterations: the measured time minus the overhead) and its
/// allocations per operation, so BenchmarkDotNet results can be gated like any RustScope session.
/// </summary>
public static class BenchmarkDotNetImport
{
    /// <summary>True when the JSON looks like a BenchmarkDotNet export rather than a RustScope session.</summary>
    public static bool IsExport(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Benchmarks", out _) && !root.TryGetProperty("schema_version", out _);

    /// <summary>Converts an export; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InputException">The export lacks benchmarks or measurements.</exception>
    public static ProfileSession ToSession(JsonElement root, string sourceName)
    {
        var benchmarks = new List<BenchmarkResult>();
        var index = 0;
        foreach (var benchmark in root.GetProperty("Benchmarks").EnumerateArray())
        {
            var name = String(benchmark, "FullName") ?? String(benchmark, "DisplayInfo")
                ?? throw Invalid(sourceName, $"$.Benchmarks[{index}]", "a benchmark has no FullName");
            var samples = Iterations(benchmark, "Result");
            if (samples.Count == 0)
            {
                samples = Iterations(benchmark, "Actual");
            }

            if (samples.Count == 0)
            {
                throw Invalid(sourceName, $"$.Benchmarks[{index}].Measurements", $"benchmark '{name}' has no workload measurements; export with the full JSON exporter (--exporters fulljson)");
            }

            benchmarks.Add(new BenchmarkResult
            {
                Name = name,
                Unit = "ns",
                Samples = [.. samples.Select(s => s.NanosecondsPerOp)],
                OpsPerIteration = samples[0].Operations,
                AllocBytesPerOp = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var bytes) && bytes.TryGetDouble(out var perOp) ? perOp : null,
            });
            index++;
        }

        return new ProfileSession
        {
            SchemaVersion = 1,
            Meta = new SessionMeta
            {
                Project = String(root, "Title") ?? Path.GetFileNameWithoutExtension(sourceName),
                StartTs = 0,
                TargetBinary = "BenchmarkDotNet",
                Host = Host(root),
            },
            Summary = new SessionSummary { DurationS = 0, CpuPctMean = 0, CpuPctMax = 0, PeakRssMb = 0, PeakThreads = 0, PeakFds = 0, EventCount = 0 },
            Benchmarks = benchmarks,
        };
    }

    private static List<(double NanosecondsPerOp, long Operations)> Iterations(JsonElement benchmark, string stage) =>
        !benchmark.TryGetProperty("Measurements", out var measurements) ? [] :
        [.. measurements.EnumerateArray()
            .Where(m => String(m, "IterationMode") == "Workload" && String(m, "IterationStage") == stage)
            .Select(m => (m.GetProperty("Nanoseconds").GetDouble() / Math.Max(1, m.GetProperty("Operations").GetInt64()), m.GetProperty("Operations").GetInt64()))];

    private static HostInfo? Host(JsonElement root)
    {
        if (!root.TryGetProperty("HostEnvironmentInfo", out var host))
        {
            return null;
        }

        return new HostInfo
        {
            Os = String(host, "OsVersion") ?? "unknown",
            Cpu = String(host, "ProcessorName"),
            Cores = host.TryGetProperty("LogicalCoreCount", out var cores) && cores.TryGetInt32(out var count) ? count : 1,
            Runtime = String(host, "RuntimeVersion"),
        };
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static InputException Invalid(string file, string path, string message) =>
        new(new Diagnostic(file, null, null, DiagnosticCodes.SessionInvalid, message) { JsonPath = path });
}
