using RustScope.Core.Model;
using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>A session of <c>run --track-alloc</c>: its top native sites, its leaks and a flamegraph weighed in bytes.</summary>
[Collection(SharedBrowser.Name)]
public sealed class NativeAllocationTests(Browser browser, ITestOutputHelper output)
{
    private const string Parse = "parse_config";
    private const string Leak = "leak_here";
    // The names of a native program are as untrusted as a .NET one's.
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task The_top_sites_and_leaks_are_listed_and_the_native_flamegraph_is_weighed_in_bytes()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "native", Sessions.Checkout() with { NativeAllocations = Native() });

        Assert.Contains(Parse, await FirstRowAsync(report, "native-by-bytes"), StringComparison.Ordinal);
        Assert.Contains(Hostile, await FirstRowAsync(report, "native-by-count"), StringComparison.Ordinal);
        var leak = await FirstRowAsync(report, "native-leaks");
        Assert.Contains(Leak, leak, StringComparison.Ordinal);
        Assert.Contains("leak.c:8", leak, StringComparison.Ordinal);
        Assert.Contains("123.4 KB", leak, StringComparison.Ordinal);
        Assert.Contains("1,000 dropped", await report.ByTestId("native").InnerTextAsync(), StringComparison.Ordinal);

        await report.ByTestId("weight-native").ClickAsync();

        var state = await report.StateAsync();
        Assert.Equal("native", state.GetProperty("weight").GetString());
        Assert.Equal(Parse, state.GetProperty("hottest").GetString());
        var visible = state.GetProperty("visibleFrames").EnumerateArray().Select(static f => f.GetString()).ToList();
        Assert.Contains(Hostile, visible);
        Assert.Contains("load_settings", visible);
        Assert.Equal(0, await report.Page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        Assert.Empty(report.Dialogs);
        Assert.Equal([report.Url], report.Requests);
        await report.ScreenshotAsync("native-allocations");
    }

    [Fact]
    public async Task A_session_without_native_allocations_shows_neither_the_view_nor_the_weight()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "no native", Sessions.Checkout());

        Assert.False(await report.ByTestId("native").IsVisibleAsync());
        Assert.False(await report.ByTestId("weight-native").IsVisibleAsync());
    }

    private static async Task<string> FirstRowAsync(ReportPage report, string table) =>
        await report.Page.Locator($"[data-testid=\"{table}\"] tbody tr").First.InnerTextAsync();

    private static NativeAllocationProfile Native() => new()
    {
        AllocatedBytes = 11_123_400,
        Allocations = 50_110,
        Frees = 50_000,
        PeakLiveBytes = 9_123_400,
        LeakedBytes = 123_900,
        LeakedBlocks = 101,
        Dropped = 1_000,
        Processes = 1,
        Sites =
        [
            Site(Parse, "cfg.c:12", 9_000_000, 10, 0, "main", "load_settings", Parse),
            Site(Hostile, null, 2_000_000, 50_000, 500, "main", Hostile),
            Site(Leak, "leak.c:8", 123_400, 100, 123_400, "main", Leak),
        ],
    };

    private static NativeAllocationSite Site(string function, string? location, long bytes, long count, long leaked, params string[] stack) => new()
    {
        Function = function,
        Module = "app",
        Location = location,
        Bytes = bytes,
        Count = count,
        LeakedBytes = leaked,
        LeakedBlocks = leaked > 0 ? 1 : 0,
        Stack = [.. stack.Select(static name => new StackFrame { Name = name, Module = "app" })],
    };
}
