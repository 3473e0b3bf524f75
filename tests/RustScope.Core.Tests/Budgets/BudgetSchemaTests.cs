using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using RustScope.Core.Budgets;
using RustScope.Core.Metrics;
using YamlDotNet.RepresentationModel;

namespace RustScope.Core.Tests.Budgets;

public sealed class BudgetSchemaTests
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    public static TheoryData<string> BudgetFiles() =>
        [.. Directory.GetFiles(Path.Combine(Repository, "examples"), "rustscope.yml", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) != "github") // examples/github/rustscope.yml is a workflow
            .Concat(Directory.GetFiles(Path.Combine(Repository, "docs"), "*.rustscope.yml"))
            .Select(p => Path.GetRelativePath(Repository, p))];

    [Theory]
    [MemberData(nameof(BudgetFiles))]
    public async Task Example_budget_files_parse_and_follow_the_published_schema(string relativePath)
    {
        var path = Path.Combine(Repository, relativePath);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "budget.v1.schema.json"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(path)));

        var errors = schema.Validate(ToJson(yaml.Documents[0].RootNode)!.ToJsonString());

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.NotEmpty(BudgetFile.Load(path).Targets);
    }

    [Theory]
    [InlineData("""{"version":1,"targets":[{"name":"a","budgets":{"process":{"peak_rss":"200 parsecs"}}}]}""")]
    [InlineData("""{"version":1,"targets":[{"name":"a","budgets":{"process":{"wall_time":"2MB"}}}]}""")]
    [InlineData("""{"version":1,"defaults":{"alpah":0.01}}""")]
    [InlineData("""{"version":2}""")]
    public async Task The_schema_refuses_what_the_parser_refuses(string json)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "budget.v1.schema.json"));

        Assert.NotEmpty(schema.Validate(json));
    }

    [Theory]
    [InlineData("process")]
    [InlineData("function")]
    [InlineData("benchmark")]
    public async Task The_schema_names_the_metrics_of_the_catalog_and_no_others(string section)
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "schema", "budget.v1.schema.json")))!;
        var catalog = section switch { "process" => MetricCatalog.Process, "function" => MetricCatalog.Functions, _ => MetricCatalog.Benchmarks };

        var named = schema["definitions"]![section]!["properties"]!.AsObject().Select(p => p.Key).Except(["regression", "direction"]);

        Assert.Equal(catalog.Keys.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }

    // YAML scalars carry no type; numbers are the ones that parse as plain numbers (as the parser treats them).
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Value: var value } when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
