using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Gate;

/// <summary><c>compare</c> over BenchmarkDotNet full JSON exports: benchmarks only, no invented process metrics.</summary>
public sealed class BenchmarkDotNetCompareTests : IDisposable
{
    private static readonly string Export = Path.Combine(Repository.Root, "tests", "RustScope.Core.Tests", "Formats", "TestData", "dry-report-full.json");

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Two_exports_compare_their_benchmarks_under_the_title_without_its_timestamp()
    {
        File.Copy(Export, _directory.File("a-report-full.json"));
        File.Copy(Export, _directory.File("b-report-full.json"));

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "a-report-full.json", "b-report-full.json", "--json", "result.json");

        Assert.True(exitCode == 0, stdout + stderr);
        var result = await File.ReadAllTextAsync(_directory.File("result.json"));
        Assert.Contains("\"name\": \"RustScope.Benchmarks.Profiling.CallOverheadBenchmark\"", result, StringComparison.Ordinal);
        Assert.Contains("CallOverheadBenchmark.Empty(Threads: 1)", result, StringComparison.Ordinal);
        Assert.DoesNotContain("wall_time", result, StringComparison.Ordinal);
        Assert.DoesNotContain("peak_rss", result, StringComparison.Ordinal);
        Assert.DoesNotContain("single run", stdout + result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_with_a_failed_benchmark_names_it_instead_of_asking_for_the_full_json_exporter()
    {
        var export = await File.ReadAllTextAsync(Export);
        var failed = export.Insert(export.IndexOf("\"Benchmarks\":[", StringComparison.Ordinal) + "\"Benchmarks\":[".Length,
            """{"FullName":"Shop.Broken(N: 1)","Statistics":null,"Measurements":[]},""");
        await File.WriteAllTextAsync(_directory.File("failed-report-full.json"), failed);

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "failed-report-full.json", "failed-report-full.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("benchmark 'Shop.Broken(N: 1)' failed", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("fulljson", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Title":"T","Benchmarks":{}}""", "(at $.Benchmarks)")]
    [InlineData("""{"Title":"T","Benchmarks":[{"FullName":"A","Measurements":[{"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":"fast"}]}]}""", "(at $.Benchmarks[0].Measurements[0].Nanoseconds)")]
    [InlineData("""{"Title":"T","Benchmarks":[{"FullName":"A","Measurements":[{"IterationMode":"Workload","IterationStage":"Result","Nanoseconds":40}]}]}""", "(at $.Benchmarks[0].Measurements[0].Operations)")]
    [InlineData("""{"Title":"T","Benchmarks":[7]}""", "(at $.Benchmarks[0])")]
    public async Task A_malformed_export_is_an_input_error_at_its_JSON_path(string json, string path)
    {
        await File.WriteAllTextAsync(_directory.File("bad-report-full.json"), json);

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "bad-report-full.json", "bad-report-full.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("RS9002", stderr, StringComparison.Ordinal);
        Assert.Contains(path, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", stderr, StringComparison.Ordinal);
    }
}
