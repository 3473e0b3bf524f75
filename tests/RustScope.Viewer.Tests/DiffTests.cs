using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>The differential report: a slower head shows as frames coloured slower.</summary>
[Collection(SharedBrowser.Name)]
public sealed class DiffTests(Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_slower_head_colours_frames_as_slower()
    {
        var (baseline, head) = (Sessions.Checkout(), Sessions.SlowerCheckout());
        await using var report = await ReportPage.OpenAsync(browser, output, "diff", baseline, head, Sessions.Compared(baseline, head));

        await report.ByTestId("mode-diff").ClickAsync();

        var state = await report.StateAsync();
        Assert.Equal("diff", state.GetProperty("mode").GetString());
        Assert.True(state.GetProperty("diffColored").GetProperty("slower").GetInt32() > 0, state.ToString());
        Assert.Equal([report.Url], report.Requests);
        await report.ScreenshotAsync("diff");
    }
}
