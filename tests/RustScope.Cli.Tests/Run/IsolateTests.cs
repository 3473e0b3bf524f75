using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary><c>--isolate</c>: the command's tree is pinned and gets the runtime settings, and the session records both.</summary>
public sealed class IsolateTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_tree_runs_on_the_cpus_asked_for_with_the_runtime_settings_and_the_session_says_so()
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "run", "--no-tui", "--sampling", "off", "--isolate-cpus", "0", "-o", "s.json", "--", NativeFixtures.Path("print_isolation"));

        Assert.True(exitCode == 0, stdout + stderr);
        // The child the program forks inherits the set: the whole tree is pinned, not only its root.
        Assert.Contains("parent cpus=0 pgo=0", stdout, StringComparison.Ordinal);
        Assert.Contains("child cpus=0 pgo=0", stdout, StringComparison.Ordinal);
        var isolation = SessionJson.Read(_directory.File("s.json")).Meta.Isolation!;
        Assert.Equal([0], isolation.Cpus);
        Assert.Equal("0", isolation.Environment["DOTNET_TieredPGO"]);
    }

    [Fact]
    public async Task Isolate_alone_sets_the_runtime_settings_and_leaves_the_cpus_alone()
    {
        var allowed = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split(':')[1].Trim();

        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "ab", "--isolate", "--base-arg", NativeFixtures.Path("print_isolation"), "--head-arg", NativeFixtures.Path("print_isolation"), "--runs", "2", "--warmup-runs", "0");

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains($"child cpus={allowed} pgo=0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pgo=unset", stdout, StringComparison.Ordinal);
        var isolation = SessionJson.Read(_directory.File("rustscope-head.json")).Meta.Isolation!;
        Assert.Empty(isolation.Cpus);
        Assert.Equal("0", isolation.Environment["DOTNET_TieredPGO"]);
    }

    [Fact]
    public async Task Without_isolate_nothing_is_pinned_or_set()
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "run", "--no-tui", "--sampling", "off", "-o", "s.json", "--", NativeFixtures.Path("print_isolation"));

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("pgo=unset", stdout, StringComparison.Ordinal);
        Assert.Null(SessionJson.Read(_directory.File("s.json")).Meta.Isolation);
    }
}
