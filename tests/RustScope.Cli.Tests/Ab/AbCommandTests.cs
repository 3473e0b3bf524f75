using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Ab;

/// <summary><c>rustscope ab</c> with two commands: interleaved runs, both sessions written, and the verdict.</summary>
public sealed class AbCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Runs_both_sides_interleaved_writes_their_sessions_and_fails_the_gate_on_the_slower_head()
    {
        // The base as an argument list (no splitting at all), the head as one string split like a shell would.
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "ab", "--base-arg", "sleep", "--base-arg=0.05", "--head-cmd", "'sleep' 0.3", "--runs", "8", "--warmup-runs", "0", "--junit", "ab.junit.xml", "--json", "ab.json");

        Assert.True(exitCode == 1, stdout + stderr);
        var baseline = SessionJson.Read(_directory.File("rustscope-base.json"));
        var head = SessionJson.Read(_directory.File("rustscope-head.json"));
        Assert.Equal(["0.05"], baseline.Meta.Args);
        Assert.Equal(["0.3"], head.Meta.Args);
        Assert.Equal(8, baseline.Runs.Count);
        Assert.True(head.Runs.Min(r => r.WallTimeS) > baseline.Runs.Max(r => r.WallTimeS));
        Assert.Matches(@"regressed\s*\|[^\n]*wall_time", stdout);
        Assert.Contains("<failure", await File.ReadAllTextAsync(_directory.File("ab.junit.xml")), StringComparison.Ordinal);
        // The two sessions are one interleaved series, so the runs are compared as pairs.
        Assert.Equal(baseline.Meta.Interleaving!.SeriesId, head.Meta.Interleaving!.SeriesId);
        Assert.Contains("\"test\": \"paired-t-log\"", await File.ReadAllTextAsync(_directory.File("ab.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_forms_for_one_side_are_a_usage_error()
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "ab", "--base-cmd", "true", "--base-arg", "true", "--head-cmd", "true");

        Assert.Equal(2, exitCode);
        Assert.Contains("give --base-cmd or --base-arg, not both", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_side_is_not_compared()
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "ab", "--base-arg", "true", "--head-arg", "false", "--runs", "1", "--warmup-runs", "0", "--markdown", "pr.md");

        Assert.Equal(2, exitCode);
        Assert.Contains("rustscope ab: the head command exited with 1; not compared", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("pr.md")), stdout);
    }
}
