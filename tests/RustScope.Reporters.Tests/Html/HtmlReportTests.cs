using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RustScope.Core.Model;
using RustScope.Reporters.Html;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests.Html;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void The_page_is_the_contracts_shell_with_the_viewer_inlined()
    {
        var html = Render("shop <main>", Session("Shop.Pay"));

        Assert.StartsWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RustScope — shop &lt;main&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"application/json\" id=\"rustscope-data\" data-encoding=\"json\">{\"title\":", html, StringComparison.Ordinal);
        Assert.EndsWith("</script></body></html>\n", html, StringComparison.Ordinal);
        Assert.Equal(2, ScriptTag().Count(html));
        Assert.Contains("rustscopeViewer", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_name_from_the_data_can_end_the_script_element()
    {
        const string Hostile = "</script><img src=x onerror=alert(1)><!--";
        var html = Render(Hostile, Session(Hostile));

        var payload = DataElement().Match(html).Groups["payload"].Value;
        Assert.DoesNotContain("<", payload, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal(Hostile, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(Hostile, json.RootElement.GetProperty("base").GetProperty("stacks").GetProperty("frames")[1].GetProperty("name").GetString());
    }

    [Fact]
    public void The_payload_holds_base_head_and_comparison_as_their_own_json_writes_them()
    {
        var (baseline, head) = (Session("Shop.Pay"), Session("Shop.Ship"));
        var html = Render("diff", baseline, head, Samples.Result());

        using var json = JsonDocument.Parse(DataElement().Match(html).Groups["payload"].Value);
        var root = json.RootElement;
        Assert.Equal(["title", "base", "head", "comparison"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Shop.Ship", root.GetProperty("head").GetProperty("stacks").GetProperty("frames")[1].GetProperty("name").GetString());
        Assert.Equal(1, root.GetProperty("base").GetProperty("schema_version").GetInt32());
        Assert.Equal("perf/baseline.json", root.GetProperty("comparison").GetProperty("baseline").GetString());
        Assert.Equal(SessionJson.Serialize(head), SessionJson.Serialize(SessionJson.Parse(Encoding.UTF8.GetBytes(root.GetProperty("head").GetRawText()), "head")));
    }

    [Fact]
    public void A_single_session_report_has_null_head_and_comparison()
    {
        using var json = JsonDocument.Parse(DataElement().Match(Render("one", Session("Shop.Pay"))).Groups["payload"].Value);

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("head").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("comparison").ValueKind);
    }

    [Fact]
    public void More_than_a_megabyte_of_json_is_embedded_as_gzip_and_base64()
    {
        var big = Session("Shop.Pay") with
        {
            Stacks = new StackProfile
            {
                Frames = [.. Enumerable.Range(0, 40_000).Select(i => new StackFrame { Name = $"Shop.Function{i}", Module = "Shop" })],
                Samples = [.. Enumerable.Range(0, 40_000).Select(i => new StackSample { Stack = [0, i], Weight = i })],
            },
        };
        var html = Render("big", big);

        var match = DataElement().Match(html);
        Assert.Equal("gzip-base64", match.Groups["encoding"].Value);
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(match.Groups["payload"].Value)), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        Assert.Equal(40_000, document.RootElement.GetProperty("base").GetProperty("stacks").GetProperty("frames").GetArrayLength());
        var json = HtmlReport.Payload("big", big, null, null).Length;
        Assert.True(json > HtmlReport.CompressAbove && html.Length < json / 3, $"{html.Length} characters of HTML for {json} bytes of JSON");
    }

    [Fact]
    public void The_file_is_written_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rustscope-{Guid.NewGuid():N}", "report.html");
        try
        {
            HtmlReport.WriteFile(path, "file", Session("Shop.Pay"));

            Assert.Equal(Render("file", Session("Shop.Pay")), File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void The_markdown_report_names_the_html_report_in_one_line_only_when_there_is_one()
    {
        var without = new MarkdownReporter().Render(Samples.Result());
        var with = new MarkdownReporter(fullReport: "rustscope.html").Render(Samples.Result());

        Assert.DoesNotContain("Full report", without, StringComparison.Ordinal);
        Assert.Equal(without.Split('\n').Length + 2, with.Split('\n').Length);
        Assert.Contains("\nFull report: rustscope.html\n\n", with, StringComparison.Ordinal);
    }

    internal static ProfileSession Session(string leaf) => new()
    {
        SchemaVersion = 1,
        Meta = new SessionMeta { Project = "shop", StartTs = 1_700_000_000_000, TargetBinary = "/usr/bin/dotnet" },
        Summary = new SessionSummary { DurationS = 1, CpuPctMean = 90, CpuPctMax = 100, PeakRssMb = 50, PeakThreads = 4, PeakFds = 10, EventCount = 0 },
        Stacks = new StackProfile
        {
            Frames = [new StackFrame { Name = "Program.Main" }, new StackFrame { Name = leaf }],
            Samples = [new StackSample { Stack = [0, 1], Weight = 90 }, new StackSample { Stack = [0], Weight = 10 }],
        },
    };

    private static string Render(string title, ProfileSession baseline, ProfileSession? head = null, Core.Comparison.ComparisonResult? comparison = null)
    {
        using var output = new MemoryStream();
        HtmlReport.Write(output, title, baseline, head, comparison);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [GeneratedRegex("<script")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script type=\"application/json\" id=\"rustscope-data\" data-encoding=\"(?<encoding>[a-z0-9-]+)\">(?<payload>[^<]*)</script>")]
    private static partial Regex DataElement();
}
