using Microsoft.Playwright;

namespace RustScope.Viewer.Tests.Infrastructure;

/// <summary>
/// The system's Chromium under Playwright, started once for every test (a collection fixture). Playwright's own
/// browsers are never downloaded: <c>./build.sh test</c> installs Debian's chromium, and RUSTSCOPE_CHROMIUM may
/// name another.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("RUSTSCOPE_CHROMIUM") ?? DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}: install it (apt-get install chromium; ./build.sh test does) or set RUSTSCOPE_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();

        // Tests run as root in containers, where Chromium's sandbox cannot start.
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
