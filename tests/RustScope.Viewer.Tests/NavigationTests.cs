using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>Moving around one profile: flame and icicle, zoom and breadcrumbs, search, framework frames, a dropped file.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NavigationTests(Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_flame_and_icicle_buttons_switch_the_view()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "views", Sessions.Checkout());

        await report.ByTestId("view-icicle").ClickAsync();
        Assert.Equal("icicle", (await report.StateAsync()).GetProperty("view").GetString());
        await report.ScreenshotAsync("icicle");

        await report.ByTestId("view-flame").ClickAsync();
        Assert.Equal("flame", (await report.StateAsync()).GetProperty("view").GetString());
        await report.ScreenshotAsync("flame");
    }

    [Fact]
    public async Task Zooming_into_a_frame_shows_its_subtree_and_the_path_to_it()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "zoom", Sessions.Checkout());

        await report.Page.EvaluateAsync($"() => window.rustscopeViewer.zoomTo('{Sessions.Pay}')");

        var state = await report.StateAsync();
        Assert.Equal(Sessions.Pay, state.GetProperty("zoom").GetString());
        var visible = state.GetProperty("visibleFrames").EnumerateArray().Select(static f => f.GetString()).ToList();
        Assert.Contains(Sessions.Hottest, visible);
        Assert.DoesNotContain(Sessions.Browse, visible);
        var breadcrumbs = await report.ByTestId("breadcrumbs").InnerTextAsync();
        Assert.Contains(Sessions.Main, breadcrumbs, StringComparison.Ordinal);
        Assert.Contains(Sessions.Pay, breadcrumbs, StringComparison.Ordinal);
        await report.ScreenshotAsync("zoomed");
    }

    [Fact]
    public async Task Search_shows_the_share_of_samples_that_match()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "search", Sessions.Checkout());

        await report.ByTestId("search").FillAsync("ComputeTax");

        var search = (await report.StateAsync()).GetProperty("search");
        Assert.Equal("ComputeTax", search.GetProperty("query").GetString());
        Assert.True(search.GetProperty("matches").GetInt32() >= 1);
        Assert.Equal(0.32, search.GetProperty("share").GetDouble(), 3);
        Assert.Contains("32", await report.ByTestId("search-share").InnerTextAsync(), StringComparison.Ordinal);
        await report.ScreenshotAsync("search");
    }

    [Fact]
    public async Task Hiding_the_framework_merges_system_frames_into_their_callers()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "framework", Sessions.Checkout());

        await report.ByTestId("hide-framework").CheckAsync();

        var state = await report.StateAsync();
        Assert.True(state.GetProperty("hideFramework").GetBoolean());
        var visible = state.GetProperty("visibleFrames").EnumerateArray().Select(static f => f.GetString()!).ToList();
        Assert.DoesNotContain(visible, static f => f.StartsWith("System.", StringComparison.Ordinal));
        Assert.Contains(Sessions.Compare, visible);
        await report.ScreenshotAsync("framework-hidden");
    }

    [Fact]
    public async Task A_dropped_collapsed_file_replaces_the_view()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "drop", Sessions.Checkout());

        await report.Page.EvaluateAsync("() => window.rustscopeViewer.load('Main;Dropped.Hot 90\\nMain;Dropped.Cold 10\\n', 'dropped.collapsed')");

        var state = await report.StateAsync();
        Assert.Equal("Dropped.Hot", state.GetProperty("hottest").GetString());
        var visible = state.GetProperty("visibleFrames").EnumerateArray().Select(static f => f.GetString()).ToList();
        Assert.Contains("Dropped.Hot", visible);
        Assert.DoesNotContain(Sessions.Hottest, visible);
        await report.ScreenshotAsync("dropped");
    }
}
