using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>CPU hogs (the cpu_burner fixture) on the machine's cores while a test records, killed when disposed whatever happens.</summary>
internal sealed class CpuBurners(int count) : IDisposable
{
    private readonly FixtureProcess[] _processes = [.. Enumerable.Range(0, count).Select(_ =>
        FixtureProcess.Start(new ProcessStartInfo(NativeFixtures.Path("cpu_burner"), "600") { RedirectStandardOutput = true }))];

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
    }
}
