using System.Text.Json;
using System.Text.RegularExpressions;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

namespace RustScope.Core.Formats;

/// <summary>
/// Reads BenchmarkDotNet's full JSON export (<c>*-report-full.json</c>) as a session whose <c>benchmarks[]</c> hold
/// each benchmark's per-iteration times (workload "Result" iterations: the measured time minus the overhead) and its
/// allocations per operation, so BenchmarkDotNet results can be gated like any RustScope session. With several launches
/// (<c>--launchCount</c>) each launch becomes a run holding its median per benchmark. The session measured no process:
/// its summary is empty and the comparer reads no process metrics from it.
/// </summary>
public static partial class BenchmarkDotNetImport
{
    /// <summary>True when the JSON looks like a BenchmarkDotNet export rather than a RustScope session.</summary>
    public static bool IsExport(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Benchmarks", out _) && !root.TryGetProperty("schema_version", out _);

    /// <summary>Converts an export; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InputException">The export lacks benchmarks or measurements, or a value has the wrong type (the message gives its JSON path).</exception>
    public static ProfileSession ToSession(JsonElement root, string sourceName)
    {
        var benchmarks = new List<BenchmarkResult>();
        var launches = new SortedDictionary<int, List<RunBenchmarkAggregate>>();
        var index = 0;
        foreach (var benchmark in Array(root, "Benchmarks", "$", sourceName))
        {
            var path = $"$.Benchmarks[{index}]";
            if (benchmark.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(sourceName, path, "a benchmark is not an object");
            }

            var name = String(benchmark, "FullName") ?? String(benchmark, "DisplayInfo")
                ?? throw Invalid(sourceName, path, "a benchmark has no FullName");
            var measurements = Measurements(benchmark, path, sourceName);
            var samples = Iterations(measurements, "Result", sourceName);
            if (samples.Count == 0)
            {
                samples = Iterations(measurements, "Actual", sourceName);
            }

            if (samples.Count == 0)
            {
                // A full export lists a failed benchmark too, with its measurements (if any) but no workload results and
                // null statistics; only a brief export has no measurements at all.
                throw Invalid(sourceName, $"{path}.Measurements", Property(benchmark, "Measurements") is not null || Property(benchmark, "Statistics") is { ValueKind: JsonValueKind.Null }
                    ? $"benchmark '{name}' failed: the export has no workload results for it (BenchmarkDotNet's log says why); fix it, or leave it out with --filter, and run the benchmarks again"
                    : $"benchmark '{name}' has no workload measurements; export with the full JSON exporter (--exporters fulljson)");
            }

            var allocated = Property(benchmark, "Memory") is { } memory && Property(memory, "BytesAllocatedPerOperation") is { } bytes && bytes.TryGetDouble(out var perOp) ? perOp : (double?)null;
            benchmarks.Add(new BenchmarkResult
            {
                Name = name,
                Unit = "ns",
                Samples = [.. samples.Select(s => s.NanosecondsPerOp)],
                OpsPerIteration = samples[0].Operations,
                AllocBytesPerOp = allocated,
            });
            foreach (var launch in samples.GroupBy(static s => s.Launch))
            {
                if (!launches.TryGetValue(launch.Key, out var ofLaunch))
                {
                    launches[launch.Key] = ofLaunch = [];
                }

                ofLaunch.Add(new RunBenchmarkAggregate { Name = name, Median = Medians.Of([.. launch.Select(static s => s.NanosecondsPerOp)]), AllocBytesPerOp = allocated });
            }

            index++;
        }

        return new ProfileSession
        {
            SchemaVersion = 1,
            Meta = new SessionMeta
            {
                Project = String(root, "Title") is { } title ? RunTimestamp().Replace(title, "") : Path.GetFileNameWithoutExtension(sourceName),
                StartTs = 0,
                TargetBinary = "BenchmarkDotNet",
                Host = Host(root),
            },
            Summary = new SessionSummary { DurationS = 0, CpuPctMean = 0, CpuPctMax = 0, PeakRssMb = 0, PeakThreads = 0, PeakFds = 0, EventCount = 0 },
            Benchmarks = benchmarks,
            // Each launch is a process of its own: its iterations drift together, launches do not. With several, the
            // launches are the independent samples, as runs are for a command run several times.
            Runs = launches.Count < 2 ? [] : [.. launches.Values.Select(static (ofLaunch, i) => new RunAggregate { Index = i, WallTimeS = 0, PeakRssMb = 0, CpuPctMean = 0, Benchmarks = ofLaunch })],
        };
    }

    // BenchmarkDotNet titles a run "Namespace.Type-20261123-065212"; the timestamp would make base and head two projects.
    [GeneratedRegex(@"-\d{8}-\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunTimestamp();

    private static List<(JsonElement Element, string Path)> Measurements(JsonElement benchmark, string path, string sourceName)
    {
        if (Property(benchmark, "Measurements") is null)
        {
            return [];
        }

        var measurements = Array(benchmark, "Measurements", path, sourceName).Select((m, i) => (Element: m, Path: $"{path}.Measurements[{i}]")).ToList();
        return measurements.FirstOrDefault(m => m.Element.ValueKind != JsonValueKind.Object) is { Path: { } notObject }
            ? throw Invalid(sourceName, notObject, "a measurement is not an object")
            : measurements;
    }

    private static List<(double NanosecondsPerOp, long Operations, int Launch)> Iterations(List<(JsonElement Element, string Path)> measurements, string stage, string sourceName) =>
        [.. measurements
            .Where(m => String(m.Element, "IterationMode") == "Workload" && String(m.Element, "IterationStage") == stage)
            .Select(m => Iteration(m.Element, m.Path, sourceName))];

    private static (double NanosecondsPerOp, long Operations, int Launch) Iteration(JsonElement measurement, string path, string sourceName)
    {
        var nanoseconds = Property(measurement, "Nanoseconds") is { ValueKind: JsonValueKind.Number } ns && ns.TryGetDouble(out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw Invalid(sourceName, $"{path}.Nanoseconds", "a measurement's Nanoseconds is not a non-negative number");
        var operations = Property(measurement, "Operations") is { ValueKind: JsonValueKind.Number } ops && ops.TryGetInt64(out var count) && count > 0
            ? count
            : throw Invalid(sourceName, $"{path}.Operations", "a measurement's Operations is not a positive integer");
        var launch = Property(measurement, "LaunchIndex") is { ValueKind: JsonValueKind.Number } index && index.TryGetInt32(out var number) ? number : 1;
        return (nanoseconds / operations, operations, launch);
    }

    private static HostInfo? Host(JsonElement root)
    {
        if (Property(root, "HostEnvironmentInfo") is not { ValueKind: JsonValueKind.Object } host)
        {
            return null;
        }

        return new HostInfo
        {
            Os = String(host, "OsVersion") ?? "unknown",
            Cpu = String(host, "ProcessorName"),
            Cores = Property(host, "LogicalCoreCount") is { ValueKind: JsonValueKind.Number } cores && cores.TryGetInt32(out var count) ? count : 1,
            Runtime = String(host, "RuntimeVersion"),
        };
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string property, string path, string sourceName) =>
        Property(parent, property) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray()
            : throw Invalid(sourceName, $"{path}.{property}", $"'{property}' is not an array");

    private static JsonElement? Property(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : null;

    private static string? String(JsonElement element, string property) =>
        Property(element, property) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static InputException Invalid(string file, string path, string message) =>
        new(new Diagnostic(file, null, null, DiagnosticCodes.SessionInvalid, message) { JsonPath = path });
}
