using System.Text.Json;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Formats;

public sealed class BenchmarkDotNetImportTests
{
    private const string Export = """
        {"Title":"Shop.Benchmarks.CartBenchmark-20261123-065212","Benchmarks":[
          {"FullName":"Shop.Cart.Add","Measurements":[
            {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":40},
            {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":44},
            {"IterationMode":"Workload","IterationStage":"Result","Operations":4,"Nanoseconds":42}]}]}
        """;

    [Fact]
    public void The_project_is_the_title_without_the_run_timestamp()
    {
        Assert.Equal("Shop.Benchmarks.CartBenchmark", Import(Export).Meta.Project);
    }

    [Fact]
    public void Two_exports_compare_only_their_benchmarks_without_a_single_run_warning()
    {
        var result = SessionComparer.Compare(Import(Export), Import(Export), new ComparisonOptions());

        Assert.All(result.AllMetrics, m => Assert.Equal(MetricKind.Benchmark, m.Kind));
        Assert.NotEmpty(result.AllMetrics);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("single run", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"Benchmarks":null}""", "$.Benchmarks")]
    [InlineData("""{"Benchmarks":["x"]}""", "$.Benchmarks[0]")]
    [InlineData("""{"Benchmarks":[{"FullName":"A","Measurements":{}}]}""", "$.Benchmarks[0].Measurements")]
    [InlineData("""{"Benchmarks":[{"FullName":"A","Measurements":[1]}]}""", "$.Benchmarks[0].Measurements[0]")]
    [InlineData("""{"Benchmarks":[{"FullName":"A","Measurements":[{"IterationMode":"Workload","IterationStage":"Result","Operations":0,"Nanoseconds":4}]}]}""", "$.Benchmarks[0].Measurements[0].Operations")]
    [InlineData("""{"Benchmarks":[{"FullName":"A","Measurements":[{"IterationMode":"Workload","IterationStage":"Actual","Operations":1,"Nanoseconds":null}]}]}""", "$.Benchmarks[0].Measurements[0].Nanoseconds")]
    public void A_value_of_the_wrong_type_is_an_input_error_at_its_path(string json, string path)
    {
        var diagnostic = Assert.Single(Assert.Throws<InputException>(() => Import(json)).Diagnostics);

        Assert.Equal((DiagnosticCodes.SessionInvalid, path), (diagnostic.Code, diagnostic.JsonPath));
        Assert.Equal("x-report-full.json", diagnostic.File);
    }

    [Fact]
    public void A_memory_section_of_the_wrong_shape_is_no_allocation_figure()
    {
        var session = Import(Export.Replace("\"FullName\":\"Shop.Cart.Add\",", "\"FullName\":\"Shop.Cart.Add\",\"Memory\":[1],", StringComparison.Ordinal));

        Assert.Null(session.Benchmarks[0].AllocBytesPerOp);
    }

    private static ProfileSession Import(string json)
    {
        using var document = JsonDocument.Parse(json);
        return BenchmarkDotNetImport.ToSession(document.RootElement, "x-report-full.json");
    }
}
