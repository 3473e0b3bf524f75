using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>Names come from profiled programs: the page shows them as text and never runs them.</summary>
[Collection(SharedBrowser.Name)]
public sealed class HostileNameTests(Browser browser, ITestOutputHelper output)
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task A_function_named_like_markup_is_shown_literally_and_runs_nothing()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, Hostile, Sessions.Checkout(hottest: Hostile));

        Assert.Equal(Hostile, (await report.StateAsync()).GetProperty("hottest").GetString());
        Assert.Contains(Hostile, await report.Page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Equal("RustScope — " + Hostile, await report.Page.TitleAsync());
        Assert.Equal(0, await report.Page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        Assert.Empty(report.Dialogs);
        Assert.Equal([report.Url], report.Requests);
        await report.ScreenshotAsync("hostile-name");
    }
}
