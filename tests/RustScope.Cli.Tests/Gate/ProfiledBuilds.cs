using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Gate;

/// <summary>A baseline and a 30 % slower, 2× allocating head, 10 runs each, profiled once for the class.</summary>
public sealed class ProfiledBuilds : IAsyncLifetime, IDisposable
{
    public const string Units = "150";

    private static readonly Dictionary<string, string> SlowerAndHeavier = new() { ["PROFILED_SLOWDOWN"] = "1.3", ["PROFILED_ALLOCATION"] = "2" };

    private readonly TempDirectory _directory = new();

    public string Baseline => _directory.File("base.json");

    public string Head => _directory.File("head.json");

    public async Task InitializeAsync()
    {
        await Profile(Baseline, []);
        await Profile(Head, SlowerAndHeavier);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    private async Task Profile(string output, Dictionary<string, string> environment)
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, environment,
            "run", "--runs", "10", "--warmup-runs", "1", "--project", "ProfiledApp", "-o", output, "--", "dotnet", Fixtures.ProfiledApp, "work", Units);
        Assert.True(exitCode == 0, stderr);
    }
}
