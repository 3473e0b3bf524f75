using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>The report is one file that works offline: opened from disk, it asks the network for nothing.</summary>
[Collection(SharedBrowser.Name)]
public sealed class OfflineTests(Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_report_opens_from_file_and_requests_nothing_but_itself()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "offline", Sessions.Checkout());
        await report.ScreenshotAsync("offline-flame");

        Assert.Equal([report.Url], report.Requests);
    }

    [Fact]
    public async Task The_page_is_ready_and_names_the_hottest_function_by_self_weight()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "hottest", Sessions.Checkout());

        var state = await report.StateAsync();
        Assert.Equal(Sessions.Hottest, state.GetProperty("hottest").GetString());
        Assert.Equal("1", await report.Page.EvaluateAsync<string>("() => document.documentElement.dataset.ready"));
    }
}
