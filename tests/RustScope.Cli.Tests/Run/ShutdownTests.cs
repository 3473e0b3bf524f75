using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>Stopping a sampled .NET target: its own shutdown is given the grace period in full, and a kill is said.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_sampled_target_that_takes_a_second_to_shut_down_is_not_killed_and_its_flush_lands()
    {
        var flush = _directory.File("flush.txt");
        using var rustscope = RustscopeProcess.Start(_directory.Path, "run", "--grace", "2", "--", "dotnet", DotnetFixtures.ShutdownTarget, "slow-exit", flush);
        await rustscope.ChildReady.WaitAsync(TimeSpan.FromSeconds(60));

        Signals.Send(rustscope.Pid, Signals.Interrupt);
        var exitCode = await rustscope.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.True(File.Exists(flush), $"no flush file; warnings: {string.Join(" | ", session.Warnings)}");
        Assert.Equal("flushed", File.ReadAllText(flush));
        Assert.Equal(0, exitCode);
        Assert.Equal(Termination.Interrupted, session.Meta.Termination);
        Assert.DoesNotContain(session.Warnings, w => w.Contains("SIGKILL", StringComparison.Ordinal));
        Assert.NotEmpty(session.Functions);
    }

    [Fact]
    public async Task A_sampled_target_that_ignores_sigint_is_killed_after_the_grace_and_the_session_says_its_data_may_be_incomplete()
    {
        using var rustscope = RustscopeProcess.Start(_directory.Path, "run", "--grace", "1", "--", "dotnet", DotnetFixtures.ShutdownTarget, "ignore");
        await rustscope.ChildReady.WaitAsync(TimeSpan.FromSeconds(60));

        Signals.Send(rustscope.Pid, Signals.Interrupt);
        var exitCode = await rustscope.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.Equal(128 + Signals.Kill, exitCode);
        var warning = Assert.Single(session.Warnings, w => w.Contains("SIGKILL", StringComparison.Ordinal));
        Assert.Contains("1 s after SIGINT", warning, StringComparison.Ordinal);
        Assert.Contains("may be missing or incomplete", warning, StringComparison.Ordinal);
        Assert.Contains("rustscope: warning: 1 process(es) of the target were still running", rustscope.Stderr, StringComparison.Ordinal);
    }
}
