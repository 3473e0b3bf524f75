using System.Text.Json;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests.EndToEnd;

/// <summary>
/// examples/BuildGate/perf/baseline.json, the baseline a reader of the example starts from. Whether this machine's
/// checkout matches it depends on the hardware, so the tests hold what does not: it is a valid session, it carries no
/// machine's paths or branch, and it is a baseline the example's budget accepts.
/// </summary>
public sealed class CommittedBaselineTests
{
    private static readonly string Example = Path.Combine(Repository.Root, "examples", "BuildGate");
    private static readonly string Baseline = Path.Combine(Example, "perf", "baseline.json");

    [Fact]
    public async Task It_follows_the_session_schema_and_holds_the_runs_the_example_asks_for()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "profile-session.v1.schema.json"));
        var text = await File.ReadAllTextAsync(Baseline);

        Assert.Empty(schema.Validate(text).Select(e => e.ToString()));
        using var session = JsonDocument.Parse(text);
        Assert.Equal("checkout", session.RootElement.GetProperty("meta").GetProperty("project").GetString());
        Assert.Equal(5, session.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void It_names_no_machine_s_directory_and_no_branch()
    {
        using var session = JsonDocument.Parse(File.ReadAllText(Baseline));
        var meta = session.RootElement.GetProperty("meta");

        Assert.False(meta.TryGetProperty("git", out _), "a committed baseline names no branch or commit that will go stale");
        Assert.Equal(["bin/Release/net10.0/Shop.Bench.dll", "--orders", "4000"], meta.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(Strings(session.RootElement), s => s.Contains("/work/", StringComparison.Ordinal) || s.Contains("/tmp/", StringComparison.Ordinal) || s.Contains(Repository.Root, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_example_s_budget_accepts_it_both_as_a_head_and_as_a_baseline()
    {
        var environment = new Dictionary<string, string>();

        var (checkCode, checkOutput) = await DotnetCommand.RunAsync(Example, environment, Repository.CliCommand[0],
            [.. Repository.CliCommand.Skip(1), "check", "perf/baseline.json", "--budget", "rustscope.yml"]);
        var (compareCode, compareOutput) = await DotnetCommand.RunAsync(Example, environment, Repository.CliCommand[0],
            [.. Repository.CliCommand.Skip(1), "compare", "perf/baseline.json", "perf/baseline.json", "--budget", "rustscope.yml"]);

        Assert.True(checkCode == 0, checkOutput);
        Assert.True(compareCode == 0, compareOutput);
        Assert.DoesNotContain("RS9", checkOutput + compareOutput, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
