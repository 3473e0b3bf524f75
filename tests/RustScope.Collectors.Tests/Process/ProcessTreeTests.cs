using System.Diagnostics;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Process;

/// <summary>The process tree over real processes: a shell whose child starts a grandchild a moment later.</summary>
public sealed class ProcessTreeTests : IDisposable
{
    private readonly System.Diagnostics.Process _root = System.Diagnostics.Process.Start(
        new ProcessStartInfo("sh") { ArgumentList = { "-c", "sleep 0.2; sh -c 'sleep 30 & wait' & wait" } })!;

    public void Dispose()
    {
        _root.Kill(entireProcessTree: true);
        _root.WaitForExit();
        _root.Dispose();
    }

    [Fact]
    public void Children_and_grandchildren_that_start_later_join_the_tree()
    {
        using var tree = new ProcessTree(_root.Id);

        // Until a refresh sees all three with the grandchild past its exec: a discovery can still find
        // "sleep 0.2" just before it is reaped, and the forked grandchild is named "sh" until it execs sleep.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        TreeTotals totals;
        while (true)
        {
            tree.Discover(0);
            totals = tree.Refresh(0, countFds: true);
            var grandchildExeced = tree.Summaries().Any(p => p.Ppid != _root.Id && p.Name == "sleep");
            if ((totals.Processes >= 3 && grandchildExeced) || DateTime.UtcNow > deadline)
            {
                break;
            }

            Thread.Sleep(20);
        }

        Assert.Equal(3, totals.Processes);
        var processes = tree.Summaries();
        // The first "sleep 0.2" has ended but keeps its entry (if a loaded machine let it be seen at all).
        Assert.InRange(processes.Count, 3, 4);
        var child = Assert.Single(processes, p => p.Ppid == _root.Id && p.Name == "sh");
        var grandchild = Assert.Single(processes, p => p.Ppid == child.Pid);
        Assert.Equal("sleep", grandchild.Name);
        Assert.Equal(_root.Id, tree.LivePids[^1]);
        Assert.True(totals.RssBytes > 0 && totals.Threads >= 3 && totals.Fds >= 3);
    }

    [Fact]
    public void A_process_that_execs_another_program_takes_its_name()
    {
        using var execs = System.Diagnostics.Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", "read line; exec sleep 30" }, RedirectStandardInput = true })!;
        try
        {
            using var tree = new ProcessTree(execs.Id);
            tree.Discover(0);
            tree.Refresh(0, countFds: false);
            Assert.Equal("sh", Assert.Single(tree.Summaries()).Name);

            execs.StandardInput.WriteLine("go");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (File.ReadAllText($"/proc/{execs.Id}/comm").Trim() != "sleep" && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            tree.Refresh(1, countFds: false);
            Assert.Equal("sleep", Assert.Single(tree.Summaries()).Name);
        }
        finally
        {
            execs.Kill();
            execs.WaitForExit();
        }
    }

    [Fact]
    public void Refreshing_a_live_tree_allocates_nothing()
    {
        using var tree = SettledTree(new ProcessTree(_root.Id));
        for (var warmUp = 0; warmUp < 50; warmUp++)
        {
            tree.Refresh(0, countFds: warmUp % 2 == 0);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var tick = 0; tick < 200; tick++)
        {
            tree.Refresh(tick / 100.0, countFds: tick % 10 == 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Discovering_in_a_tree_that_did_not_change_allocates_nothing()
    {
        // Without the creation watch's file every discovery scans, whatever else the machine is doing.
        using var tree = SettledTree(new ProcessTree(_root.Id, loadavgPath: "/nonexistent/loadavg"));

        // The time stays within the relisting period: what is measured is the re-reading of the open files.
        tree.Discover(0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var period = 0; period < 100; period++)
        {
            tree.Discover(0.5);
            tree.Refresh(0.5, countFds: true);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3, tree.LiveCount);
    }

    /// <summary>
    /// Waits until the tree has its final shape — the first sleep ended (a retirement allocates) and the grandchild
    /// has exec'd (a new name allocates) — so what is measured afterwards is the steady state.
    /// </summary>
    private ProcessTree SettledTree(ProcessTree tree)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((tree.LiveCount < 3 || !tree.Summaries().Any(p => p.Ppid != _root.Id && p.Name == "sleep")) && DateTime.UtcNow < deadline)
        {
            tree.Discover(0);
            tree.Refresh(0, countFds: false);
            Thread.Sleep(20);
        }

        return tree;
    }
}
