using System.Reflection;
using RustScope.Profiling.Benchmarking;
using RustScope.Profiling.Recording;
using RustScope.Profiling.Session;

namespace RustScope.Profiling;

/// <summary>
/// The in-process profiler: explicit scopes, the recorded functions, and the session flush. When
/// <c>RUSTSCOPE_SESSION_OUT</c> is set (by <c>rustscope run</c>) the session is written there at process exit,
/// on SIGINT or SIGTERM, and on <see cref="Flush"/>.
/// </summary>
public static class Profiler
{
    /// <summary>The environment variable <c>rustscope run</c> sets to the file it merges.</summary>
    public const string SessionOutVariable = "RUSTSCOPE_SESSION_OUT";

    private static readonly long StartUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private static readonly object FlushGate = new();

    /// <summary>The settings recording uses; replace with <see cref="Configure"/>.</summary>
    public static ProfilerOptions Options { get; private set; } = new();

    /// <summary>Replaces the settings (outlier warm-up and threshold, project name).</summary>
    public static void Configure(ProfilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OutlierThreshold.Set(options);
        Options = options;
    }

    /// <summary>Profiles a region: <c>using var _ = Profiler.Scope("parse");</c>.</summary>
    public static ProfileScope Scope(string name) => new(FunctionRegistry.Register(name));

    /// <summary>What has been recorded so far, one report per function, merged over all threads.</summary>
    public static IReadOnlyList<FunctionReport> Functions() => FunctionTotals.Collect();

    /// <summary>The benchmarks run so far.</summary>
    public static IReadOnlyList<BenchmarkReport> Benchmarks() => BenchmarkRegistry.Snapshot();

    /// <summary>Writes the session to <c>RUSTSCOPE_SESSION_OUT</c> now, if it is set.</summary>
    public static void Flush()
    {
        if (Environment.GetEnvironmentVariable(SessionOutVariable) is { Length: > 0 } path)
        {
            WriteSession(path);
        }
    }

    /// <summary>Writes everything recorded so far as a ProfileSession JSON file, atomically.</summary>
    public static void WriteSession(string path)
    {
        lock (FlushGate)
        {
            var project = Options.Project ?? Assembly.GetEntryAssembly()?.GetName().Name ?? "app";
            var functions = Functions();
            var benchmarks = Benchmarks();
            AtomicWrite.To(path, stream => SessionWriter.Write(stream, project, StartUnixMs, functions, benchmarks));
        }
    }

    /// <summary>Forgets everything recorded so far, functions and benchmarks (between test cases or phases).</summary>
    public static void Reset()
    {
        FunctionRegistry.Clear();
        BenchmarkRegistry.Clear();
    }
}
