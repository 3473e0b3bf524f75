using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.Git;

/// <summary><c>rustscope ab --git-base</c> on a throw-away repository whose feature branch made the target slower.</summary>
public sealed class AbGitBaseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Builds_the_merge_base_in_a_worktree_runs_both_interleaved_and_the_slower_head_fails_the_comparison()
    {
        var repository = Directory.CreateDirectory(_temp.File("repo")).FullName;
        TestGit.Run(repository, "init", "-q", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(repository, "delay.txt"), "0.05\n");
        TestGit.Run(repository, "add", "delay.txt");
        TestGit.Run(repository, "commit", "-q", "-m", "fast");
        var mergeBase = TestGit.Run(repository, "rev-parse", "HEAD");
        TestGit.Run(repository, "checkout", "-q", "-b", "feature");
        await File.WriteAllTextAsync(Path.Combine(repository, "delay.txt"), "0.3\n");
        TestGit.Run(repository, "commit", "-q", "-a", "-m", "slower");

        // The build copies delay.txt to built.txt in each tree; the profiled command sleeps for what was built.
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(repository,
            "ab", "--git-base", "main", "--build", "cp delay.txt built.txt", "--cmd", "xargs -a built.txt sleep", "--runs", "5", "--warmup-runs", "0", "-o", _temp.Path);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains($"base is {mergeBase}", stderr, StringComparison.Ordinal);
        Assert.Contains("rustscope-head.json", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("rustscope-base-", TestGit.Run(repository, "worktree", "list"), StringComparison.Ordinal);
        Assert.Equal("0.3", (await File.ReadAllTextAsync(Path.Combine(repository, "built.txt"))).Trim());

        var compare = await RustscopeProcess.RunAsync(_temp.Path, "compare", "rustscope-base.json", "rustscope-head.json");
        Assert.True(compare.ExitCode == 1, compare.Stdout + compare.Stderr);
        Assert.Matches(@"regressed\s*\|[^\n]*wall_time", compare.Stdout);
    }

    [Fact]
    public async Task An_unknown_base_ref_is_a_usage_error_naming_git_s_complaint()
    {
        var repository = Directory.CreateDirectory(_temp.File("repo")).FullName;
        TestGit.Run(repository, "init", "-q", "-b", "main");
        TestGit.Run(repository, "commit", "-q", "--allow-empty", "-m", "only");

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(repository, "ab", "--git-base", "no-such-branch", "--cmd", "true", "--runs", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("git merge-base HEAD no-such-branch failed", stderr, StringComparison.Ordinal);
    }
}
