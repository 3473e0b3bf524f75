using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Reporters.Console;
using RustScope.Reporters.Json;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests;

/// <summary>A comparison whose runs <c>--runs auto</c> chose says so, with its looks, in every report that has room for it.</summary>
public sealed class SequentialReportTests
{
    private const string Sentence = "13 runs a side chosen by --runs auto (every gated metric decided; at most 30), looked at after 5, 6, 8, 10 and 13 runs, each look at its share of alpha";

    private static readonly ComparisonResult Sequential = Samples.Result() with
    {
        Sequential = new SequentialOutcome
        {
            Runs = 13,
            MaxRuns = 30,
            Stop = AdaptiveStop.Decided,
            Looks = [new(5, 0.0003), new(6, 0.0001), new(8, 0.0003), new(10, 0.0004), new(13, 0.0008)],
        },
    };

    [Fact]
    public void Console_and_Markdown_name_the_runs_chosen_and_the_looks()
    {
        Assert.Contains(Sentence + ".\n", new MarkdownReporter().Render(Sequential), StringComparison.Ordinal);
        Assert.Contains(Sentence, ReporterApprovalTests.Render(new ConsoleReporter(colors: false), Sequential).ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_carries_the_looks_within_its_schema()
    {
        var json = ReporterApprovalTests.Render(new JsonReporter(), Sequential);

        Assert.Contains("\"stop\": \"decided\"", json, StringComparison.Ordinal);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "comparison.v1.schema.json"));
        Assert.Empty(schema.Validate(json));
    }
}
