using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>
/// Fault injection for what <c>run</c> must survive and leave nothing of: a tree that forks thousands of short
/// processes, daemons that leave their parent (setsid, nohup, a double fork), a fork bomb that ignores SIGTERM. Every
/// process the run started is found afterwards by an inherited mark, whoever its parent has become.
/// </summary>
public sealed class ContainmentTests : IDisposable
{
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();
    private readonly MarkedProcesses _marked = new();

    public void Dispose()
    {
        _marked.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_tree_that_forks_thousands_of_short_processes_is_recorded_without_an_error()
    {
        // Processes vanish between being listed and being read all the time here: that is data, not an error.
        for (var run = 0; run < 3; run++)
        {
            var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, _marked.Environment,
                "run", "-o", $"fork{run}.json", "--", "sh", "-c", "seq 3000 | xargs -P 8 -n 1 true; i=0; while [ $i -lt 300 ]; do sleep 0.4 & i=$((i+1)); done; wait");

            Assert.True(exitCode == 0, $"run {run}: exit {exitCode}: {stderr}");
            Assert.DoesNotContain("unexpected error", stderr, StringComparison.Ordinal);
            var session = SessionJson.Read(_directory.File($"fork{run}.json"));
            Assert.Equal(Termination.Exited, session.Meta.Termination);
            Assert.True(session.Summary.Processes.Count > 1, $"run {run}: only {session.Summary.Processes.Count} process(es) recorded");
        }

        Assert.Empty(await _marked.WaitGoneAsync(Gone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("subreaper")]
    public async Task Daemons_that_leave_their_parent_are_recorded_then_stopped_and_reaped_when_the_target_exits(string? mode)
    {
        // Each daemon says it started; the root waits for all three, then a while longer so the sampler sees them. They
        // run a copy of sleep named so that the session tells them from the root's own sleeps.
        var started = _directory.File("started");
        var daemon = _directory.File("daemon-sleep");
        File.Copy("/bin/sleep", daemon);
        File.SetUnixFileMode(daemon, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var script = $"""
            setsid sh -c 'echo >> {started}; exec {daemon} 300' &
            nohup sh -c 'sh -c "echo >> {started}; exec {daemon} 301" & exit 0' >/dev/null 2>&1 &
            (sh -c 'echo >> {started}; exec {daemon} 302' &)
            while [ "$(wc -l < {started} 2>/dev/null || echo 0)" -lt 3 ]; do sleep 0.05; done
            sleep 1
            """;
        var environment = new Dictionary<string, string>(_marked.Environment);
        if (mode is not null)
        {
            environment["RUSTSCOPE_CONTAINMENT"] = mode;
        }

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, environment, "run", "-o", "daemons.json", "--", "sh", "-c", script);

        Assert.True(exitCode == 0, $"exit {exitCode}: {stderr}");
        var left = _marked.Alive();
        Assert.True(left.Count == 0, $"left behind: {MarkedProcesses.Describe(left)}");
        var session = SessionJson.Read(_directory.File("daemons.json"));
        // A cgroup where this user may create one; the subreaper alone otherwise, and the session says why.
        Assert.Contains(session.Meta.Containment, mode is null ? new[] { "cgroup", "subreaper" } : [mode]);
        Assert.Equal(session.Meta.Containment == "subreaper", session.Warnings.Any(w => w.Contains("no cgroup of its own", StringComparison.Ordinal)));
        Assert.Equal(3, session.Summary.Processes.Count(p => p.Name == "daemon-sleep"));
        Assert.Contains(session.Warnings, w => w.StartsWith("3 process(es) of the target's tree (daemons", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fork_bomb_that_ignores_sigterm_is_recorded_and_ended_completely()
    {
        // Bounded (2^8 processes at most) so that a failure cannot take the machine with it; each one forks two
        // orphans and loops forever, deaf to SIGTERM and SIGINT.
        File.WriteAllText(_directory.File("bomb.sh"), """
            trap '' TERM INT
            f() { if [ "$1" -gt 0 ]; then (f $(($1-1)) &); (f $(($1-1)) &); fi; while :; do sleep 1; done; }
            f 7
            """);

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, _marked.Environment,
            "run", "-d", "8", "--grace", "1", "-o", "bomb.json", "--", "sh", "bomb.sh");

        var left = await _marked.WaitGoneAsync(TimeSpan.FromSeconds(5));
        Assert.True(left.Count == 0, $"left behind: {left.Count}: {MarkedProcesses.Describe(left.Take(5))}");
        Assert.Equal(128 + Signals.Kill, exitCode);
        var session = SessionJson.Read(_directory.File("bomb.json"));
        Assert.Equal(Termination.Timeout, session.Meta.Termination);
        Assert.True(session.Summary.Processes.Count(p => p.Name == "sh") > 16, $"{session.Summary.Processes.Count} process(es) recorded; {stderr}");
        Assert.Contains(session.Warnings, w => w.Contains("were killed (SIGKILL)", StringComparison.Ordinal));
    }
}
