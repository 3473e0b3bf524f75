using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Formats;

public sealed class SessionInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-input-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reads_a_real_BenchmarkDotNet_full_export_as_benchmarks()
    {
        var session = SessionInput.Load(Path.Combine(AppContext.BaseDirectory, "Formats", "TestData", "dry-report-full.json"));

        Assert.Equal("BenchmarkDotNet", session.Meta.TargetBinary);
        Assert.Equal(2, session.Benchmarks.Count);
        var benchmark = session.Benchmarks[0];
        Assert.Equal("RustScope.Benchmarks.Profiling.CallOverheadBenchmark.Empty(Threads: 1)", benchmark.Name);
        Assert.Equal(739.175, Assert.Single(benchmark.Samples), 6);
        Assert.Equal((1000L, 0.0), (benchmark.OpsPerIteration, benchmark.AllocBytesPerOp!.Value));
        Assert.NotNull(session.Meta.Host);
    }

    [Fact]
    public void Uses_the_result_iterations_and_falls_back_to_actual_ones()
    {
        var path = Path.Combine(_directory, "x-report-full.json");
        File.WriteAllText(path, """
            {"Title":"T","Benchmarks":[
              {"FullName":"A.Run","Memory":{"BytesAllocatedPerOperation":48},"Measurements":[
                {"IterationMode":"Workload","IterationStage":"Warmup","Operations":4,"Nanoseconds":400},
                {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":40},
                {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":48}]},
              {"FullName":"B.Run","Measurements":[
                {"IterationMode":"Workload","IterationStage":"Actual","Operations":2,"Nanoseconds":10}]}]}
            """);

        var session = SessionInput.Load(path);

        Assert.Equal([10.0, 12.0], session.Benchmarks[0].Samples);
        Assert.Equal(48, session.Benchmarks[0].AllocBytesPerOp);
        Assert.Equal([5.0], session.Benchmarks[1].Samples);
        Assert.Equal("T", session.Meta.Project);
    }

    [Fact]
    public void An_export_without_measurements_says_how_to_make_one()
    {
        var path = Path.Combine(_directory, "brief-report.json");
        File.WriteAllText(path, """{"Title":"T","Benchmarks":[{"FullName":"A.Run","Statistics":{}}]}""");

        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => SessionInput.Load(path)).Diagnostics);

        Assert.Contains("--exporters fulljson", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("$.Benchmarks[0].Measurements", diagnostic.JsonPath);
    }

    [Fact]
    public void A_session_is_read_as_a_session()
    {
        var path = Path.Combine(_directory, "s.json");
        SessionJson.Write(Model.SampleSessions.Full(), path);

        Assert.Equal("shop", SessionInput.Load(path).Meta.Project);
    }

    [Fact]
    public void Two_inputs_load_together_and_when_both_are_broken_the_first_one_s_error_is_reported()
    {
        var (good, broken, empty) = (Path.Combine(_directory, "good.json"), Path.Combine(_directory, "broken.json"), Path.Combine(_directory, "empty.json"));
        SessionJson.Write(Model.SampleSessions.Full(), good);
        File.WriteAllText(broken, "{\"schema_version\":1,");
        File.WriteAllText(empty, "");
        string ErrorIn(string first, string second) => Assert.Single(Assert.Throws<InputException>(() => SessionInput.LoadBoth(first, second)).Diagnostics).File;

        var (first, second) = SessionInput.LoadBoth(good, good);

        Assert.Equal(("shop", "shop"), (first.Meta.Project, second.Meta.Project));
        Assert.NotSame(first, second);
        Assert.Equal(broken, ErrorIn(broken, empty));
        Assert.Equal(empty, ErrorIn(empty, broken));
        Assert.Equal(broken, ErrorIn(good, broken));
        Assert.Equal(broken, ErrorIn(broken, good));
    }
}
