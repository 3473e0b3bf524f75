using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.Reporters.Html;

namespace RustScope.Reporters.Tests.Html;

public sealed partial class TrendReportTests
{
    private const string Hostile = "</script><img src=x onerror=alert(1)><!--";

    /// <summary>A step of +5 % at commit 6 of 12; one commit hash and the target are hostile.</summary>
    internal static MetricTrend Trend(string commit = "0123456789abcdef", string? target = Hostile, double low = 0.03)
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 12)
            .Select(i => new TrendPoint(i == 6 ? commit : $"c{i:D2}", start.AddDays(i), i < 6 ? 100 + (i % 2) : 105 + (i % 2), 5))
            .ToArray();
        return new MetricTrend("wall_time", "ms", target, points, [new ChangePoint(6, commit, 100.5, 105.5, 0.0497, low, 0.071, 0.005)]);
    }

    [Fact]
    public void The_page_is_the_report_shell_with_the_trends_as_snake_case_json()
    {
        var html = Render([Trend()], "shop <trend>");

        Assert.StartsWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RustScope — shop &lt;trend&gt;</title>", html, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(DataElement().Match(html).Groups["payload"].Value);
        var trend = json.RootElement.GetProperty("trends")[0];
        Assert.Equal("shop <trend>", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(["metric", "unit", "target", "points", "change_points"], trend.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(12, trend.GetProperty("points").GetArrayLength());
        var step = trend.GetProperty("change_points")[0];
        Assert.Equal(6, step.GetProperty("index").GetInt32());
        Assert.Equal(0.0497, step.GetProperty("relative_change").GetDouble());
        Assert.Equal(0.005, step.GetProperty("p_value").GetDouble());
    }

    [Fact]
    public void No_commit_or_name_from_the_store_can_end_the_script_element()
    {
        var html = Render([Trend(commit: Hostile)], Hostile);

        var payload = DataElement().Match(html).Groups["payload"].Value;
        Assert.DoesNotContain("<", payload, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(payload);
        Assert.Equal(Hostile, json.RootElement.GetProperty("trends")[0].GetProperty("change_points")[0].GetProperty("commit").GetString());
        Assert.Equal(Hostile, json.RootElement.GetProperty("trends")[0].GetProperty("target").GetString());
        Assert.Equal(2, ScriptTag().Count(html));
    }

    [Fact]
    public void A_step_with_no_finite_size_is_written_as_null()
    {
        var html = Render([Trend(low: double.NaN)], "nan");

        using var json = JsonDocument.Parse(DataElement().Match(html).Groups["payload"].Value);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("trends")[0].GetProperty("change_points")[0].GetProperty("relative_change_low").ValueKind);
    }

    [Fact]
    public void The_file_is_written_whole()
    {
        var directory = Directory.CreateTempSubdirectory("rustscope-trend-");
        try
        {
            var path = Path.Combine(directory.FullName, "trend.html");
            TrendReport.WriteFile(path, [Trend()], "file");

            Assert.Equal(Render([Trend()], "file"), File.ReadAllText(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Render(IReadOnlyList<MetricTrend> trends, string title)
    {
        using var output = new MemoryStream();
        TrendReport.Write(trends, title, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"rustscope-data\" data-encoding=\"json\">(?<payload>[^<]*)</script>")]
    private static partial Regex DataElement();

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptTag();
}
