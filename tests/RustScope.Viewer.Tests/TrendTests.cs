using System.Text.Json;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>
/// The trend page in a real Chromium: each metric's chart renders, the change point the detector found is drawn on it
/// and listed under it, hostile commit hashes stay text, and nothing is requested but the file itself.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class TrendTests(Browser browser, ITestOutputHelper output)
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task The_chart_renders_with_the_change_point_marked_and_listed_offline()
    {
        var step = Trend("wall_time", stepAt: 30, commitAtStep: "feedc0de" + Hostile);
        var flat = Trend("peak_rss", stepAt: null, commitAtStep: null);
        Assert.Equal(30, Assert.Single(step.ChangePoints).Index);
        Assert.Empty(flat.ChangePoints);

        await using var report = await ReportPage.OpenTrendAsync(browser, output, "trend " + Hostile, [step, flat]);
        await report.ScreenshotAsync("trend");

        var state = await report.Page.EvaluateAsync<JsonElement>("() => window.rustscopeTrend.state()");
        var charts = state.GetProperty("charts");
        Assert.Equal(2, charts.GetArrayLength());
        Assert.Equal(60, charts[0].GetProperty("points").GetInt32());
        var marked = Assert.Single(charts[0].GetProperty("marked").EnumerateArray());
        Assert.Equal(30, marked.GetProperty("index").GetInt32());
        Assert.Empty(charts[1].GetProperty("marked").EnumerateArray());

        // The mark is on the canvas, not only in the hook: the pixel under it is the marker's red.
        var canvas = report.ByTestId("trend-chart").First.Locator("canvas");
        Assert.Equal(1, await report.ByTestId("trend-chart").First.Locator("canvas").CountAsync());
        var reddest = await canvas.EvaluateAsync<int>(
            """
            (c, at) => {
              const ratio = c.width / c.getBoundingClientRect().width;
              const x = Math.round(at.x * ratio), y = Math.round(at.y * ratio);
              const d = c.getContext('2d').getImageData(x - 2, y - 8, 5, 16).data;
              let red = 0;
              for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 100 && d[i + 2] < 100) red++;
              return red;
            }
            """,
            new { x = marked.GetProperty("x").GetDouble(), y = marked.GetProperty("y").GetDouble() });
        Assert.True(reddest > 0, "no marker-red pixel at the change point's line");

        var row = report.ByTestId("change-point");
        Assert.Equal(1, await row.CountAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("feedc0de" + Hostile, text, StringComparison.Ordinal);
        Assert.Contains("%", text, StringComparison.Ordinal);
        Assert.Contains("No change point", await report.Page.Locator("[data-testid=trend][data-metric=peak_rss]").InnerTextAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await report.Page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        Assert.Empty(report.Dialogs);
        Assert.Equal([report.Url], report.Requests);
    }

    // 60 commits under 2 % noise, +6 % from stepAt on; the change points are the detector's own.
    private static MetricTrend Trend(string metric, int? stepAt, string? commitAtStep)
    {
        var random = new Random(5);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var points = Enumerable.Range(0, 60).Select(i =>
        {
            var level = stepAt is { } s && i >= s ? 106.0 : 100.0;
            var commit = i == stepAt ? commitAtStep! : $"{i:x4}beef{i:x4}";
            return new TrendPoint(commit, start.AddHours(i), level * (1 + (0.02 * ((random.NextDouble() * 2) - 1))), 5);
        }).ToArray();
        return new MetricTrend(metric, "ms", "checkout", points, ChangePointDetector.Detect(points));
    }
}
