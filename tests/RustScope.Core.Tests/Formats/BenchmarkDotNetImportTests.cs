using System.Text.Json;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;

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

    [Fact]
    public void Several_launches_become_runs_and_each_benchmark_is_compared_once_by_its_launch_medians()
    {
        var session = Import(Launches(3, 5, 1.0));

        Assert.Equal(3, session.Runs.Count);
        Assert.Equal(15, session.Benchmarks[0].Samples.Count);
        var result = SessionComparer.Compare(session, Import(Launches(3, 5, 1.0)), new ComparisonOptions());
        var compared = Assert.Single(result.AllMetrics);
        Assert.Equal(("median", "runs", 3, 3), (compared.Metric, compared.Samples, compared.BaselineN, compared.HeadN));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_single_launch_is_tested_on_its_effective_sample_size_with_a_warning()
    {
        var result = SessionComparer.Compare(Import(Launches(1, 30, 1.0)), Import(Launches(1, 30, 1.0, seed: 2)), new ComparisonOptions());

        var compared = Assert.Single(result.AllMetrics);
        Assert.Equal(("benchmark", TestNames.WelchTLogEffective), (compared.Samples, compared.Test));
        Assert.Contains(result.Warnings, w => w.Contains("single launch", StringComparison.Ordinal) && w.Contains("--launchCount", StringComparison.Ordinal));
    }

    [Fact]
    public void Unchanged_benchmarks_whose_iterations_drift_together_are_not_called_changed()
    {
        // A/A on iterations with lag-1 autocorrelation 0.7: taken as independent, such pairs came out Regressed or
        // Improved with p-values down to 1e-27.
        var verdicts = Enumerable.Range(0, 20).Select(seed => Assert.Single(SessionComparer.Compare(
            Import(Launches(1, 40, 1.0, seed: (2 * seed) + 1, rho: 0.7)), Import(Launches(1, 40, 1.0, seed: (2 * seed) + 2, rho: 0.7)), new ComparisonOptions()).AllMetrics).Verdict);

        Assert.DoesNotContain(verdicts, v => v is Verdict.Regressed or Verdict.Improved);
    }

    [Fact]
    public void A_failed_benchmark_is_named_instead_of_the_full_json_hint()
    {
        var json = Export.Replace("]}]}", "]},{\"FullName\":\"Shop.Cart.Pay\",\"Statistics\":null,\"Measurements\":[]}]}", StringComparison.Ordinal);

        var message = Assert.Single(Assert.Throws<InputException>(() => Import(json)).Diagnostics).Message;

        Assert.Contains("benchmark 'Shop.Cart.Pay' failed", message, StringComparison.Ordinal);
        Assert.DoesNotContain("fulljson", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brief_export_without_measurements_still_asks_for_the_full_json_exporter()
    {
        var message = Assert.Single(Assert.Throws<InputException>(() => Import("""{"Benchmarks":[{"FullName":"A","Statistics":{"Mean":4}}]}""")).Diagnostics).Message;

        Assert.Contains("--exporters fulljson", message, StringComparison.Ordinal);
    }

    // An export of one benchmark whose iterations follow an AR(1) process around 100 ns × scale, launch after launch.
    private static string Launches(int launches, int iterations, double scale, int seed = 1, double rho = 0.5)
    {
        var random = new Random(seed);
        var measurements = new List<string>();
        for (var launch = 1; launch <= launches; launch++)
        {
            var level = 0.0;
            for (var i = 1; i <= iterations; i++)
            {
                level = (rho * level) + (0.02 * Math.Sqrt(1 - (rho * rho)) * (random.NextDouble() - 0.5) * Math.Sqrt(12));
                var nanoseconds = Math.Round(1000 * 100 * scale * Math.Exp(level));
                measurements.Add(FormattableString.Invariant(
                    $"{{\"IterationMode\":\"Workload\",\"IterationStage\":\"Result\",\"LaunchIndex\":{launch},\"IterationIndex\":{i},\"Operations\":1000,\"Nanoseconds\":{nanoseconds}}}"));
            }
        }

        return $"{{\"Title\":\"T\",\"Benchmarks\":[{{\"FullName\":\"Shop.Cart.Add\",\"Measurements\":[{string.Join(',', measurements)}]}}]}}";
    }

    private static ProfileSession Import(string json)
    {
        using var document = JsonDocument.Parse(json);
        return BenchmarkDotNetImport.ToSession(document.RootElement, "x-report-full.json");
    }
}
