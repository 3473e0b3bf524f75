using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Bench;

/// <summary><c>rustscope bench</c> over a budget file whose targets carry their own commands.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private const string Budget = """
        version: 1
        defaults: { runs: 2 }
        targets:
          - name: quick
            command: ["true"]
          - name: counted
            command: ["true"]
            runs: 3
          - name: idle
        """;

    private readonly TempDirectory _directory = new();

    public BenchCommandTests() => File.WriteAllText(_directory.File("rustscope.yml"), Budget);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Target_runs_only_that_target_into_the_output_directory()
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "bench", "--target", "quick", "-o", "sessions", "--warmup-runs", "0");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal([_directory.File("sessions/quick.json")], Directory.GetFiles(_directory.File("sessions")));
        Assert.Equal(2, SessionJson.Read(_directory.File("sessions/quick.json")).Runs.Count);
        Assert.Contains("quick: 2 runs -> ", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Runs_applies_to_targets_without_their_own()
    {
        var quick = await RustscopeProcess.RunAsync(_directory.Path, "bench", "--target", "quick", "--runs", "4", "--warmup-runs", "0");
        var counted = await RustscopeProcess.RunAsync(_directory.Path, "bench", "--target", "counted", "--runs", "4", "--warmup-runs", "0");

        Assert.True((quick.ExitCode, counted.ExitCode) == (0, 0), quick.Stderr + counted.Stderr);
        Assert.Equal(4, SessionJson.Read(_directory.File("quick.json")).Runs.Count);
        Assert.Equal(3, SessionJson.Read(_directory.File("counted.json")).Runs.Count);
    }

    [Fact]
    public async Task A_target_without_a_command_is_an_input_error_at_its_line()
    {
        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "bench", "--target", "idle");

        Assert.Equal(2, exitCode);
        Assert.Matches(@"rustscope\.yml:9:\d+: error RS9106: target 'idle' has no 'command' to run", stderr);
        Assert.False(File.Exists(_directory.File("idle.json")));
    }

    [Fact]
    public async Task A_single_run_is_counted_as_one_run()
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "bench", "--target", "quick", "--runs", "1", "--warmup-runs", "0");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("quick: 1 run -> ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench", "--budget", "/nonexistent.yml")]
    [InlineData("gate", "--budget", "/nonexistent.yml")]
    [InlineData("gate", "--command", "true", "--budget", "/nonexistent.yml")]
    [InlineData("check", "any.json", "--budget", "/nonexistent.yml")]
    [InlineData("compare", "a.json", "b.json", "--budget", "/nonexistent.yml")]
    [InlineData("ab", "--base-cmd", "true", "--head-cmd", "true", "--budget", "/nonexistent.yml")]
    [InlineData("calibrate", "--budget", "/nonexistent.yml")]
    public async Task A_missing_budget_file_is_the_same_line_from_every_command(params string[] arguments)
    {
        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, arguments);

        Assert.Equal(2, exitCode);
        Assert.Matches(@"^/nonexistent\.yml: error RS9108: cannot read the budget file: [^\n]+\n$", stderr);
    }
}
