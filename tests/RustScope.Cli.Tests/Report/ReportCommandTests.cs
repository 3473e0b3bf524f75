using System.Text.Json;
using System.Text.RegularExpressions;
using RustScope.Cli.Tests.Gate;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Report;

/// <summary><c>rustscope report</c> and <c>--html</c>: the HTML report with the comparison compare would give; never a gate.</summary>
public sealed partial class ReportCommandTests : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task One_session_gives_a_report_without_head_or_comparison()
    {
        SyntheticSessions.Write(_directory.File("head.json"), SyntheticSessions.AroundOneSecond(1));

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "report", "head.json", "-o", "out/report.html");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("report written to", stderr, StringComparison.Ordinal);
        using var payload = Payload("out/report.html");
        Assert.Equal("head.json", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("app", payload.RootElement.GetProperty("base").GetProperty("meta").GetProperty("project").GetString());
        Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("head").ValueKind);
        Assert.Equal(JsonValueKind.Null, payload.RootElement.GetProperty("comparison").ValueKind);
    }

    [Fact]
    public async Task A_slower_head_is_reported_with_compares_verdicts_and_exit_code_0()
    {
        SyntheticSessions.Write(_directory.File("base.json"), SyntheticSessions.AroundOneSecond(1));
        SyntheticSessions.Write(_directory.File("head.json"), SyntheticSessions.AroundOneSecond(1.5));

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "report", "base.json", "head.json", "-o", "diff.html", "--title", "<pr 22>");
        var (compareExit, _, _) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "base.json", "head.json", "--json", "compare.json");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(1, compareExit);
        Assert.Contains("<title>RustScope — &lt;pr 22&gt;</title>", File.ReadAllText(_directory.File("diff.html")), StringComparison.Ordinal);
        using var payload = Payload("diff.html");
        using var compared = JsonDocument.Parse(File.ReadAllText(_directory.File("compare.json")));
        Assert.Equal(compared.RootElement.GetRawText(), Reindented(payload.RootElement.GetProperty("comparison")));
        Assert.Equal(1.5, payload.RootElement.GetProperty("head").GetProperty("summary").GetProperty("duration_s").GetDouble(), 3);
    }

    [Fact]
    public async Task Bad_input_is_a_located_error_with_exit_code_2_and_no_file()
    {
        File.WriteAllText(_directory.File("broken.json"), "{\"schema_version\": 1,");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "report", "broken.json", "-o", "report.html");

        Assert.Equal(2, exitCode);
        Assert.Contains("broken.json", stderr, StringComparison.Ordinal);
        Assert.Contains("error RS9002", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("report.html")));
    }

    [Fact]
    public async Task Compare_writes_the_html_report_and_the_markdown_says_where_it_is()
    {
        SyntheticSessions.Write(_directory.File("base.json"), SyntheticSessions.AroundOneSecond(1));
        SyntheticSessions.Write(_directory.File("head.json"), SyntheticSessions.AroundOneSecond(1.5));

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "compare", "base.json", "head.json", "--markdown", "reports/comment.md", "--html", "reports/rustscope.html");

        Assert.True(exitCode == 1, stderr);
        using var payload = Payload("reports/rustscope.html");
        Assert.Equal(1.0, payload.RootElement.GetProperty("base").GetProperty("summary").GetProperty("duration_s").GetDouble(), 3);
        Assert.Equal(1.5, payload.RootElement.GetProperty("head").GetProperty("summary").GetProperty("duration_s").GetDouble(), 3);
        Assert.Contains(payload.RootElement.GetProperty("comparison").GetProperty("targets")[0].GetProperty("metrics").EnumerateArray(), m => m.GetProperty("verdict").GetString() == "regressed");
        Assert.Contains("\nFull report: rustscope.html\n", File.ReadAllText(_directory.File("reports/comment.md")), StringComparison.Ordinal);
    }

    private JsonDocument Payload(string file) =>
        JsonDocument.Parse(DataElement().Match(File.ReadAllText(_directory.File(file))).Groups["payload"].Value);

    private static string Reindented(JsonElement element) => JsonSerializer.Serialize(element, Indented);

    [GeneratedRegex("id=\"rustscope-data\" data-encoding=\"json\">(?<payload>[^<]*)</script>")]
    private static partial Regex DataElement();
}
