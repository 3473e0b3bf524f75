using System.Text.Json;
using NJsonSchema;
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
