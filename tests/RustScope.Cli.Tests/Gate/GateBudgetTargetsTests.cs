using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Gate;

/// <summary><c>rustscope gate</c> without <c>--command</c>: every budget target run with its own command and judged in one report.</summary>
public sealed class GateBudgetTargetsTests : IDisposable
{
    private const string Budget = """
        version: 1
        defaults: { runs: 2 }
        targets:
          - name: nap
            command: [sleep, "0.05"]
            budgets:
              process: { wall_time: 1m }
          - name: "slow/one"
            command: [sleep, "0.05"]
            budgets:
              process: { wall_time: 1ms }
        """;

    private readonly TempDirectory _directory = new();

    public GateBudgetTargetsTests() => File.WriteAllText(_directory.File("rustscope.yml"), Budget);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_target_is_run_and_judged_in_one_report_with_one_exit_code()
    {
        Directory.CreateDirectory(_directory.File("perf"));
        var (recorded, _, recordErrors) = await RustscopeProcess.RunAsync(_directory.Path,
            "gate", "--budget", "rustscope.yml", "--target", "nap", "--warmup-runs", "0", "--baseline-dir", "perf", "--update-baseline", "-o", "sessions");
        Assert.True(recorded == 0, recordErrors);
        Assert.True(File.Exists(_directory.File("perf/nap.json")), recordErrors);

        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path,
            "gate", "--budget", "rustscope.yml", "--warmup-runs", "0", "--baseline-dir", "perf", "-o", "sessions", "--markdown", "pr.md", "--junit", "junit.xml");

        // slow/one's budget fails the gate; nap is compared with the baseline just recorded.
        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Equal(2, SessionJson.Read(_directory.File("sessions/nap.json")).Runs.Count);
        Assert.True(File.Exists(_directory.File("sessions/slow_one.json")), stderr);
        Assert.Contains("perf/slow_one.json: warning RS9004: no baseline yet", stderr, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(_directory.File("pr.md"));
        Assert.Equal(1, markdown.Split("<!-- rustscope -->").Length - 1);
        Assert.Contains("slow/one", markdown, StringComparison.Ordinal);
        Assert.Contains("| nap |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("give --command, or --budget FILE whose targets to run", "gate")]
    [InlineData("--name, --baseline and --session go with --command", "gate", "--budget", "rustscope.yml", "--baseline", "b.json")]
    [InlineData("--baseline-dir, --output-dir and several --target are for budget targets", "gate", "--command", "true", "--baseline-dir", "perf")]
    [InlineData("--update-baseline needs --baseline (with --command) or --baseline-dir (for budget targets)", "gate", "--budget", "rustscope.yml", "--update-baseline")]
    [InlineData("rustscope.yml:1:1: error RS9109: no target 'nope' in the budget file (targets: nap, slow/one)", "gate", "--budget", "rustscope.yml", "--target", "nope")]
    [InlineData("give --target once: one budget target applies", "compare", "a.json", "b.json", "--target", "a", "--target", "b")]
    public async Task A_mixed_up_invocation_is_a_usage_error_before_anything_runs(string message, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, arguments);

        Assert.True(exitCode == 2, stdout + stderr);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory.File("sessions")) || File.Exists(_directory.File("rustscope-last.json")), "something ran");
    }
}
