using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Compare;

/// <summary>
/// Real sessions of a fixed amount of CPU work, recorded once for the class: a baseline on the machine as it is,
/// then the same work and 30 % more while two CPU burners run beside it on the same cores.
/// </summary>
public sealed class EnvironmentDriftRecordings : IAsyncLifetime
{
    // About a quarter of a second of CPU on the development VM; 30 % more for the slower head.
    private const string Work = "60";
    private const string MoreWork = "78";
    private const string Runs = "8";

    public TempDirectory Directory { get; } = new();

    public string Baseline => Directory.File("base.json");

    public string SameWorkUnderBurners => Directory.File("head-aa.json");

    public string MoreWorkUnderBurners => Directory.File("head-slower.json");

    public async Task InitializeAsync()
    {
        await RecordAsync(Baseline, Work);
        // Started here and killed in finally: each burns a core until then, whatever happens to the recordings.
        using var first = Burner();
        using var second = Burner();
        await RecordAsync(SameWorkUnderBurners, Work);
        await RecordAsync(MoreWorkUnderBurners, MoreWork);
    }

    public Task DisposeAsync()
    {
        Directory.Dispose();
        return Task.CompletedTask;
    }

    private static FixtureProcess Burner() => FixtureProcess.Start(new ProcessStartInfo(NativeFixtures.Path("cpu_burner"), "600") { RedirectStandardOutput = true });

    private async Task RecordAsync(string session, string work)
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(Directory.Path, "run", "--runs", Runs, "-o", session, "--", NativeFixtures.Path("fixed_work"), work);
        Assert.True(exitCode == 0, stdout + stderr);
    }
}
