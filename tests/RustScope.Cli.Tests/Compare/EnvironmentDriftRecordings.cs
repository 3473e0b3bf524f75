using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Compare;

/// <summary>
/// Real sessions of a fixed amount of CPU work, recorded once for the class: a baseline on the machine as it is,
/// then the same work and 30 % more while two CPU burners run beside it on the same cores.
/// </summary>
public sealed class EnvironmentDriftRecordings : IAsyncLifetime, IDisposable
{
    // About a quarter of a second of CPU on the development VM; 30 % more for the slower head.
    private const string Work = "60";
    private const string MoreWork = "78";
    private const string Runs = "8";

    private readonly TempDirectory _directory = new();

    public string Folder => _directory.Path;

    public string Baseline => _directory.File("base.json");

    public string SameWorkUnderBurners => _directory.File("head-aa.json");

    public string MoreWorkUnderBurners => _directory.File("head-slower.json");

    public async Task InitializeAsync()
    {
        await RecordAsync(Baseline, Work);
        // Each burns a core until the recordings are done, whatever happens to them.
        using var burners = new CpuBurners(2);
        await RecordAsync(SameWorkUnderBurners, Work);
        await RecordAsync(MoreWorkUnderBurners, MoreWork);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    private async Task RecordAsync(string session, string work)
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(Folder, "run", "--runs", Runs, "-o", session, "--", NativeFixtures.Path("fixed_work"), work);
        Assert.True(exitCode == 0, stdout + stderr);
    }
}
