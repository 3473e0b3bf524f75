using System.Text.Json;
using Microsoft.Playwright;
using RustScope.Core.Comparison;
using RustScope.Core.Model;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.Reporters.Html;
using Xunit.Abstractions;

namespace RustScope.Viewer.Tests.Infrastructure;

/// <summary>
/// A report written by <see cref="HtmlReport"/> and opened from file:// in its own browser page, with every request
/// and dialog it causes recorded, through the page's test hooks (CONTRACT-22.md: data-ready, rustscopeViewer).
/// </summary>
public sealed class ReportPage : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ITestOutputHelper _output;
    private readonly List<string> _requests = [];
    private readonly List<string> _dialogs = [];

    private ReportPage(IPage page, string directory, string url, ITestOutputHelper output)
    {
        Page = page;
        _directory = directory;
        Url = url;
        _output = output;
        page.Request += (_, request) => _requests.Add(request.Url);
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>The report's file:// address.</summary>
    public string Url { get; }

    /// <summary>Every URL the page requested, the report itself first.</summary>
    public IReadOnlyList<string> Requests => _requests;

    /// <summary>Every alert, confirm or prompt the page opened.</summary>
    public IReadOnlyList<string> Dialogs => _dialogs;

    /// <summary>Writes the report of <paramref name="baseline"/> (and <paramref name="head"/>) and opens it, ready.</summary>
    public static Task<ReportPage> OpenAsync(Browser browser, ITestOutputHelper output, string title, ProfileSession baseline, ProfileSession? head = null, ComparisonResult? comparison = null) =>
        OpenAsync(browser, output, path => HtmlReport.WriteFile(path, title, baseline, head, comparison));

    /// <summary>Writes the trend page of <paramref name="trends"/> (<see cref="TrendReport"/>) and opens it, ready.</summary>
    public static Task<ReportPage> OpenTrendAsync(Browser browser, ITestOutputHelper output, string title, IReadOnlyList<MetricTrend> trends) =>
        OpenAsync(browser, output, path => TrendReport.WriteFile(path, trends, title));

    private static async Task<ReportPage> OpenAsync(Browser browser, ITestOutputHelper output, Action<string> write)
    {
        var directory = Directory.CreateTempSubdirectory("rustscope-viewer-").FullName;
        var path = Path.Combine(directory, "report.html");
        write(path);
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        // A missing control fails in seconds rather than Playwright's default half minute.
        context.SetDefaultTimeout(15_000);
        var report = new ReportPage(await context.NewPageAsync(), directory, new Uri(path).AbsoluteUri, output);
        await report.Page.GotoAsync(report.Url);
        await report.Page.WaitForFunctionAsync("() => document.documentElement.dataset.ready === '1' || document.documentElement.dataset.error !== undefined");
        var error = await report.Page.EvaluateAsync<string?>("() => document.documentElement.dataset.error ?? null");
        Assert.True(error is null, $"the page reported an error: {error}");
        return report;
    }

    /// <summary><c>window.rustscopeViewer.state()</c>.</summary>
    public async Task<JsonElement> StateAsync() => await Page.EvaluateAsync<JsonElement>("() => window.rustscopeViewer.state()");

    /// <summary>The element with <c>data-testid</c> <paramref name="id"/>.</summary>
    public ILocator ByTestId(string id) => Page.Locator($"[data-testid=\"{id}\"]");

    /// <summary>Saves a screenshot under artifacts/test-results/screenshots/ and names it in the test's output.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(Screenshots.Directory, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        await Page.Context.CloseAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
