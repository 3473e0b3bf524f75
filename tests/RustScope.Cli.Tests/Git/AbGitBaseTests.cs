using System.Text.RegularExpressions;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Git;

/// <summary><c>rustscope ab --git-base</c> on a throw-away repository whose feature branch made the target slower.</summary>
public sealed class AbGitBaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Builds_the_merge_base_in_a_worktree_runs_both_interleaved_and_the_slower_head_fails_the_gate()
    {
        var repository = await ThrowawayRepository.CreateAsync(_temp.File("repo"));

        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(repository.Path,
            "ab", "--git-base", "main", "--build", ThrowawayRepository.Build, "--cmd", ThrowawayRepository.Command, "--runs", "auto", "--warmup-runs", "0", "-o", _temp.Path);

        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Contains($"base is {repository.MergeBase}", stderr, StringComparison.Ordinal);
        Assert.Matches(@"regressed\s*\|[^\n]*wall_time", stdout);
        Assert.True(File.Exists(_temp.File("rustscope-head.json")));
        Assert.DoesNotContain("rustscope-base-", repository.Git("worktree", "list"), StringComparison.Ordinal);
        Assert.Equal("0.3", (await File.ReadAllTextAsync(Path.Combine(repository.Path, "built.txt"))).Trim());
    }

    [Fact]
    public async Task An_unknown_base_ref_is_a_usage_error_naming_git_s_complaint()
    {
        var repository = await ThrowawayRepository.CreateAsync(_temp.File("repo"));

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(repository.Path, "ab", "--git-base", "no-such-branch", "--cmd", "true", "--runs", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("git merge-base HEAD no-such-branch failed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_during_the_build_stops_it_and_removes_the_worktree()
    {
        var repository = await ThrowawayRepository.CreateAsync(_temp.File("repo"));
        using var ab = RustscopeProcess.Start(repository.Path, "ab", "--git-base", "main", "--build", "sleep 60", "--cmd", "true", "--runs", "1");
        var checkedOut = new Regex(@"checked out in (\S+)");
        var giveUp = DateTime.UtcNow.AddMinutes(1);
        while (!checkedOut.IsMatch(ab.Stderr))
        {
            Assert.True(!ab.HasExited && DateTime.UtcNow < giveUp, ab.Stderr);
            await Task.Delay(50);
        }

        Signals.Send(ab.Pid, Signals.Interrupt);
        var exitCode = await ab.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 2, ab.Stderr);
        Assert.Contains("interrupted before profiling; the base worktree was removed", ab.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(checkedOut.Match(ab.Stderr).Groups[1].Value));
        Assert.DoesNotContain("rustscope-base-", repository.Git("worktree", "list"), StringComparison.Ordinal);
    }
}
