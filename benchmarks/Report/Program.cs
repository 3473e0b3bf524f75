using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using RustScope.Benchmarks.Report;
using RustScope.Reporters.Html;

// The HTML report of a large session: time to write it, its size, and time until the page is ready in headless
// Chromium (the system's; set RUSTSCOPE_CHROMIUM to use another). Medians of REPS (default 5). Run by run.sh.
const int Samples = 1_000_000, Stacks = 50_000, Functions = 5_000;
var reps = int.TryParse(Environment.GetEnvironmentVariable("REPS"), out var r) ? r : 5;
var session = LargeSession.Create(Samples, Stacks, Functions);
var path = Path.Combine(Directory.CreateTempSubdirectory("rustscope-report-bench-").FullName, "large.html");
Console.WriteLine(FormattableString.Invariant($"session: {Samples:N0} samples, {Stacks:N0} distinct stacks, {Functions:N0} functions, {session.Stacks!.Samples.Sum(s => s.Stack.Count):N0} frames in all stacks"));

var write = new List<double>();
for (var i = 0; i <= reps; i++)
{
    var clock = Stopwatch.StartNew();
    HtmlReport.WriteFile(path, "large", session);
    if (i > 0)
    {
        // The first write warms up the serializer and reads the page from the assembly: not counted.
        write.Add(clock.Elapsed.TotalMilliseconds);
    }
}

var size = new FileInfo(path).Length;
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("RUSTSCOPE_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox"],
});
var ready = new List<double>();
for (var i = 0; i < reps; i++)
{
    var page = await browser.NewPageAsync();
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(new Uri(path).AbsoluteUri);
    await page.WaitForFunctionAsync("() => document.documentElement.dataset.ready === '1' || document.documentElement.dataset.error !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 10 });
    ready.Add(clock.Elapsed.TotalMilliseconds);
    var error = await page.EvaluateAsync<string?>("() => document.documentElement.dataset.error ?? null");
    if (error is not null)
    {
        Console.Error.WriteLine($"the page reported an error: {error}");
        return 1;
    }

    await page.CloseAsync();
}

Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
Console.WriteLine(FormattableString.Invariant($"write report:   median {Median(write):F0} ms of {reps} (each: {string.Join(", ", write.Select(w => w.ToString("F0", CultureInfo.InvariantCulture)))})"));
Console.WriteLine(FormattableString.Invariant($"file size:      {size / 1024.0 / 1024.0:F2} MiB ({size:N0} bytes)"));
Console.WriteLine(FormattableString.Invariant($"open to ready:  median {Median(ready):F0} ms of {reps} (each: {string.Join(", ", ready.Select(w => w.ToString("F0", CultureInfo.InvariantCulture)))})"));
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
