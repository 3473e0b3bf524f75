using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests;

public sealed class InstrumentedSessionCollectorTests
{
    private static ProfileSession Session(params FunctionProfile[] functions) => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta { Project = "p", StartTs = 1, TargetBinary = "t" },
        Summary = new SessionSummary { DurationS = 1, CpuPctMean = 0, CpuPctMax = 0, PeakRssMb = 0, PeakThreads = 0, PeakFds = 0, EventCount = 0 },
        Functions = functions,
    };

    [Fact]
    public async Task Merges_the_flushed_functions_and_benchmarks_and_removes_the_file()
    {
        await using var collector = new InstrumentedSessionCollector();
        var launch = new LaunchSpec("true", []);
        await collector.PrepareLaunchAsync(launch, CancellationToken.None);
        var flushPath = launch.Environment[InstrumentedSessionCollector.SessionOutVariable];
        var pay = new FunctionProfile { Name = "Shop.Pay", Calls = 3, LatencyNs = new LatencyStats { Mean = 10, P50 = 10, P95 = 10, P99 = 10, Max = 10, Stdev = 0 } };
        var flushed = Session(pay) with { Benchmarks = [new BenchmarkResult { Name = "pay", Samples = [1, 2] }] };
        SessionJson.Write(flushed, flushPath);

        var merged = await collector.CompleteAsync(Session(new FunctionProfile { Name = "Hot", SelfPct = 60 }), CancellationToken.None);

        Assert.Equal(["Hot", "Shop.Pay"], merged.Functions.Select(f => f.Name));
        Assert.Equal(FunctionSource.Instrumented, merged.Functions[1].Source);
        Assert.Equal("pay", Assert.Single(merged.Benchmarks).Name);
        Assert.False(File.Exists(flushPath));
    }

    [Fact]
    public void Merges_a_session_flushed_by_RustScope_Profiling()
    {
        var flushed = SessionJson.Read(Path.Combine(AppContext.BaseDirectory, "Process", "TestData", "profiling-library-session.json"));

        var merged = InstrumentedSessionCollector.Merge(Session(), flushed);

        Assert.Contains(merged.Functions, f => f.Name == "ProfiledLibrary.Checkout.Add" && f.Source == FunctionSource.Instrumented);
    }

    [Fact]
    public async Task No_flush_file_is_normal_and_a_broken_one_is_a_warning()
    {
        // One collector per run: a collector finishes once.
        await using var quiet = new InstrumentedSessionCollector();
        await quiet.PrepareLaunchAsync(new LaunchSpec("true", []), CancellationToken.None);
        var untouched = await quiet.CompleteAsync(Session(), CancellationToken.None);
        Assert.Empty(untouched.Warnings);

        await using var broken = new InstrumentedSessionCollector();
        var launch = new LaunchSpec("true", []);
        await broken.PrepareLaunchAsync(launch, CancellationToken.None);
        File.WriteAllText(launch.Environment[InstrumentedSessionCollector.SessionOutVariable], "{\"schema_version\":1,");
        var warned = await broken.CompleteAsync(Session(), CancellationToken.None);

        Assert.Contains("instrumentation data was not readable", Assert.Single(warned.Warnings), StringComparison.Ordinal);
    }
}
