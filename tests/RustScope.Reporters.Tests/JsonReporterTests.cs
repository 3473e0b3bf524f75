using System.Text.Json;
using NJsonSchema;
using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Json;

namespace RustScope.Reporters.Tests;

public sealed class JsonReporterTests
{
    [Fact]
    public async Task Follows_the_published_schema_with_snake_case_names_and_verdicts()
    {
        var json = ReporterApprovalTests.Render(new JsonReporter(), Samples.Result());

        await AssertValid(json);
        Assert.Contains("\"verdict\": \"budget_exceeded\"", json, StringComparison.Ordinal);
        Assert.Contains("\"budget_location\": {", json, StringComparison.Ordinal);
        Assert.DoesNotContain("all_metrics", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_finite_numbers_are_written_as_null_and_stay_valid()
    {
        var json = ReporterApprovalTests.Render(new JsonReporter(), Samples.WithInfiniteChange());

        await AssertValid(json);
        var metric = JsonDocument.Parse(json).RootElement.GetProperty("targets")[0].GetProperty("metrics")[0];
        Assert.Equal(JsonValueKind.Null, metric.GetProperty("change").ValueKind);
        Assert.Equal(JsonValueKind.Null, metric.GetProperty("change_ci_high").ValueKind);
        Assert.Equal(JsonValueKind.Null, metric.GetProperty("p_value").ValueKind);
        Assert.Equal(4, metric.GetProperty("change_ci_low").GetDouble());
    }

    // The reporter takes the serializer's fast path only for results without ∞ or NaN, which it checks by name: a
    // floating-point property added to the model without that check would make the fast path throw.
    [Theory]
    [MemberData(nameof(FloatingPointProperties))]
    public void Any_non_finite_number_of_a_metric_is_written_as_null(string property)
    {
        var metric = Samples.WithInfiniteChange().Targets[0].Metrics[0] with { Change = 0.5, ChangeCiHigh = 5, PValue = 0.01, AdjustedPValue = 0.02 };
        typeof(MetricComparison).GetProperty(property)!.SetValue(metric, double.NegativeInfinity);
        var result = Samples.Result() with { Targets = [new TargetComparison { Name = "startup", Metrics = [metric] }] };

        var json = ReporterApprovalTests.Render(new JsonReporter(), result);

        var written = JsonDocument.Parse(json).RootElement.GetProperty("targets")[0].GetProperty("metrics")[0];
        Assert.Equal(JsonValueKind.Null, written.GetProperty(JsonNamingPolicy.SnakeCaseLower.ConvertName(property)).ValueKind);
    }

    [Fact]
    public void A_non_finite_threshold_is_written_as_null()
    {
        var metric = Samples.Result().Targets[0].Metrics[0] with { Threshold = new RegressionThreshold(double.NaN, 1) };
        var result = Samples.Result() with { Targets = [new TargetComparison { Name = "t", Metrics = [metric] }] };

        var json = ReporterApprovalTests.Render(new JsonReporter(), result);

        var threshold = JsonDocument.Parse(json).RootElement.GetProperty("targets")[0].GetProperty("metrics")[0].GetProperty("threshold");
        Assert.Equal((JsonValueKind.Null, 1), (threshold.GetProperty("relative").ValueKind, threshold.GetProperty("absolute").GetInt32()));
    }

    [Fact]
    public void A_file_holds_a_name_longer_than_the_write_buffer_whole()
    {
        var metric = Samples.Result().Targets[0].Metrics[0] with { Subject = new string('x', 1 << 20) };
        var result = Samples.Result() with { Targets = [new TargetComparison { Name = "t", Metrics = [metric] }] };
        var directory = Directory.CreateTempSubdirectory("rustscope-json-").FullName;
        try
        {
            new JsonReporter().WriteFile(result, Path.Combine(directory, "r.json"));

            Assert.Equal(ReporterApprovalTests.Render(new JsonReporter(), result), File.ReadAllText(Path.Combine(directory, "r.json")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static TheoryData<string> FloatingPointProperties() =>
        [.. typeof(MetricComparison).GetProperties().Where(static p => p.PropertyType == typeof(double?) || p.PropertyType == typeof(double)).Select(static p => p.Name)];

    [Fact]
    public async Task The_schema_rejects_what_the_reporter_never_writes()
    {
        var schema = await Schema();

        Assert.NotEmpty(schema.Validate("""{"schema_version": 1, "head": "h", "alpha": 0.05, "correction": "holm", "targets": [], "extra": 1}"""));
        Assert.NotEmpty(schema.Validate("""{"schema_version": 1, "head": "h", "alpha": 0.05, "correction": "holm", "targets": [{"name": "t", "metrics": [{"kind": "process", "metric": "wall_time", "unit": "s", "verdict": "slower", "baseline_n": 1, "head_n": 1}]}]}"""));
    }

    private static async Task AssertValid(string json) => Assert.Empty((await Schema()).Validate(json).Select(e => e.ToString()));

    private static Task<JsonSchema> Schema() => JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "comparison.v1.schema.json"));
}
