using System.Text.Json;
using RustScope.Viewer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests;

/// <summary>Where the CPU goes and where threads wait, one process or thread at a time, over a chosen range of seconds.</summary>
[Collection(SharedBrowser.Name)]
public sealed class SplitTests(Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_waiting_switch_shows_where_threads_wait_instead_of_where_the_CPU_goes()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "wait", ThreadedSessions.Create());
        Assert.Equal(ThreadedSessions.Crunch, (await report.StateAsync()).GetProperty("hottest").GetString());
        // Under CPU, the table says where each function waits too; a function that only waits is listed.
        Assert.Contains("Waiting", await report.Page.InnerTextAsync("[data-testid=functions] thead"), StringComparison.Ordinal);
        Assert.Matches(@"^Shop\.Cache\.Lookup\s+—\s+—\s+100\.0 %", await report.Page.Locator("[data-testid=functions] tbody tr", new() { HasText = ThreadedSessions.Lookup }).InnerTextAsync());

        await report.ByTestId("weight-wait").ClickAsync();

        var state = await report.StateAsync();
        Assert.Equal("wait", state.GetProperty("weight").GetString());
        Assert.Equal(ThreadedSessions.Enter, state.GetProperty("hottest").GetString());
        Assert.DoesNotContain(ThreadedSessions.Crunch, VisibleFrames(state));
        Assert.Equal(ThreadedSessions.Enter, await report.Page.InnerTextAsync("[data-testid=functions] tbody tr:first-child td.name"));
        Assert.Contains("Most waiting: " + ThreadedSessions.Lookup, await report.ByTestId("insights").InnerTextAsync(), StringComparison.Ordinal);
        await report.ByTestId("search").FillAsync("Lookup");
        Assert.Equal("100.0 % of waiting samples (1 functions)", await report.ByTestId("search-share").InnerTextAsync());
        await report.ScreenshotAsync("waiting");
    }

    [Fact]
    public async Task A_session_without_waiting_stacks_offers_no_waiting_switch()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "no-wait", Sessions.Checkout());

        Assert.False(await report.ByTestId("weight-wait").IsVisibleAsync());
        Assert.False(await report.ByTestId("split-origin").IsVisibleAsync());
        Assert.False((await report.StateAsync()).GetProperty("offers").GetProperty("wait").GetBoolean());
    }

    [Fact]
    public async Task Choosing_a_thread_keeps_only_its_stacks()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "thread", ThreadedSessions.Create());

        await report.ByTestId("split-origin").SelectOptionAsync($"t:{ThreadedSessions.Pid}:{ThreadedSessions.RenderTid}");

        var state = await report.StateAsync();
        Assert.Equal(ThreadedSessions.Render, state.GetProperty("hottest").GetString());
        Assert.DoesNotContain(ThreadedSessions.Crunch, VisibleFrames(state));
        Assert.Contains(ThreadedSessions.HostileThread, state.GetProperty("split").GetProperty("label").GetString(), StringComparison.Ordinal);
        var rows = await report.Page.Locator("[data-testid=functions] tbody td.name").AllInnerTextsAsync();
        Assert.DoesNotContain(ThreadedSessions.Crunch, rows);

        await report.ByTestId("split-origin").SelectOptionAsync($"p:{ThreadedSessions.Pid}");
        Assert.Equal(ThreadedSessions.Crunch, (await report.StateAsync()).GetProperty("hottest").GetString());
        await report.ScreenshotAsync("thread");
    }

    [Fact]
    public async Task A_range_dragged_on_the_timeline_keeps_only_those_seconds()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "range", ThreadedSessions.Create());
        var plot = await report.Page.Locator("[data-testid=timeline] .u-over").BoundingBoxAsync();
        Assert.NotNull(plot);

        // From about 5.6 s to 8.5 s of 0–9 s: seconds 5 to 8, where only Render runs.
        var y = plot.Y + (plot.Height / 2);
        await report.Page.Mouse.MoveAsync(plot.X + (plot.Width * 0.62f), y);
        await report.Page.Mouse.DownAsync();
        await report.Page.Mouse.MoveAsync(plot.X + (plot.Width * 0.95f), y, new() { Steps = 5 });
        await report.Page.Mouse.UpAsync();

        var state = await report.StateAsync();
        var split = state.GetProperty("split");
        Assert.Equal(5, split.GetProperty("from").GetInt32());
        Assert.Equal(8, split.GetProperty("to").GetInt32());
        Assert.Equal(ThreadedSessions.Render, state.GetProperty("hottest").GetString());
        Assert.DoesNotContain(ThreadedSessions.Crunch, VisibleFrames(state));
        Assert.Contains("Showing seconds 5–8", await report.ByTestId("time-range").InnerTextAsync(), StringComparison.Ordinal);
        await report.ScreenshotAsync("time-range");

        await report.ByTestId("time-range-clear").ClickAsync();
        state = await report.StateAsync();
        Assert.Equal(JsonValueKind.Null, state.GetProperty("split").GetProperty("from").ValueKind);
        Assert.Equal(ThreadedSessions.Crunch, state.GetProperty("hottest").GetString());
        Assert.False(await report.ByTestId("time-range").IsVisibleAsync());
    }

    [Fact]
    public async Task A_thread_named_like_markup_is_listed_literally_and_runs_nothing()
    {
        await using var report = await ReportPage.OpenAsync(browser, output, "hostile-thread", ThreadedSessions.Create());

        var options = await report.Page.Locator("[data-testid=split-origin] option").AllTextContentsAsync();
        Assert.Contains(options, static o => o.Contains(ThreadedSessions.HostileThread + " (tid 4250)", StringComparison.Ordinal));
        Assert.Contains(options, static o => o.StartsWith("Shop (pid 4242) — 100.0 % CPU, 100.0 % waiting", StringComparison.Ordinal));
        // A thread that only waited is listed too, so the waiting view can be split by it.
        Assert.Contains(options, static o => o.EndsWith("Cache refresher (tid 4251) — 100.0 % waiting", StringComparison.Ordinal));
        Assert.Equal(0, await report.Page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        Assert.Empty(report.Dialogs);
        Assert.Equal([report.Url], report.Requests);
    }

    [Fact]
    public async Task In_a_differential_report_a_thread_is_matched_by_name_in_base_and_head()
    {
        var head = ThreadedSessions.Create();
        // The head run's ids differ; its threads keep their names.
        head = head with
        {
            Summary = head.Summary with { Processes = [new() { Pid = 9000, Name = "Shop" }] },
            Stacks = head.Stacks! with { Samples = [.. head.Stacks.Samples.Select(static s => s with { Pid = 9000, Tid = s.Tid + 5000 })], Threads = [.. head.Stacks.Threads.Select(static t => t with { Pid = 9000, Tid = t.Tid + 5000 })] },
        };
        await using var report = await ReportPage.OpenAsync(browser, output, "diff-thread", ThreadedSessions.Create(), head);

        await report.ByTestId("split-origin").SelectOptionAsync($"t:Shop:{ThreadedSessions.HostileThread}");

        var state = await report.StateAsync();
        Assert.Equal("diff", state.GetProperty("mode").GetString());
        Assert.Equal(ThreadedSessions.Render, state.GetProperty("hottest").GetString());
        await report.ByTestId("mode-base").ClickAsync();
        Assert.Equal(ThreadedSessions.Render, (await report.StateAsync()).GetProperty("hottest").GetString());
    }

    private static List<string?> VisibleFrames(JsonElement state) =>
        [.. state.GetProperty("visibleFrames").EnumerateArray().Select(static f => f.GetString())];
}
