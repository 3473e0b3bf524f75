using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

public sealed class ShowCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Shows_a_recorded_series_with_its_per_run_statistics()
    {
        var (runExit, _, runErrors) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--runs", "2", "--warmup-runs", "0", "--", NativeFixtures.Path("exit_with"), "0");
        Assert.True(runExit == 0, runErrors);

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "rustscope-last.json");

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"(?m)^  termination\s+exited$", stdout);
        Assert.Matches(@"(?m)^  runs\s+2 \(summary shows the last\)$", stdout);
        Assert.Matches(@"(?m)^    wall_time\s+[0-9.]+ [mµn]?s ± [0-9.]+ [mµn]?s\s+[0-9.]+ [mµn]?s … [0-9.]+ [mµn]?s\s+2$", stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Shows_every_part_of_a_session_file_bounded_by_top_and_escaped()
    {
        SessionJson.Write(ShowSessions.Everything(), _directory.File("everything.json"));

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "everything.json", "--top", "2");

        Assert.True(exitCode == 0, stderr);
        Assert.Matches(@"(?m)^    wall_time\s+1\.1 s ± 100 ms\s+1 s … 1\.2 s\s+3$", stdout);
        Assert.Contains("Functions, instrumented: top 1 of 1 by self time", stdout, StringComparison.Ordinal);
        Assert.Contains("Functions, sampled: top 2 of 13 by self %", stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    40\.5 %   80\.2 %      120  A<b>\uFFFD\[31mred\s+evil\uFFFD\.dll$", stdout);
        Assert.DoesNotContain("Shop.Filler2", stdout, StringComparison.Ordinal);
        Assert.Contains("Allocation sites: top 1 of 1 by estimated bytes", stdout, StringComparison.Ordinal);
        Assert.Contains("Runtime (.NET, 2 one-second samples of the last run)", stdout, StringComparison.Ordinal);
        Assert.Contains("Events: 3 (2 spike, 1 cpu_spike)", stdout, StringComparison.Ordinal);
        Assert.Contains("  - the target ended before the first sample", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
    }

    [Fact]
    public async Task A_top_below_one_is_a_usage_error()
    {
        SessionJson.Write(ShowSessions.Everything(), _directory.File("everything.json"));

        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "everything.json", "--top", "0");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("rustscope: error RS9005: --top must be at least 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_session_is_an_input_error_with_its_location()
    {
        File.WriteAllText(_directory.File("cut.json"), "{\n  \"schema_version\": 1,\n  \"meta\": {\"project\": \"p\",");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "cut.json");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"cut\.json:3:\d+: error RS9002: ", stderr);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_from_a_newer_rustscope_is_refused_with_its_location()
    {
        File.WriteAllText(_directory.File("new.json"), "{\"schema_version\": 9, \"meta\": {}}");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "new.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("new.json:1:20: error RS9003: schema_version 9 is newer", stderr, StringComparison.Ordinal);
        Assert.Contains("$.schema_version", stderr, StringComparison.Ordinal);
    }
}
