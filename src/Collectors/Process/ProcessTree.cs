using System.Runtime.CompilerServices;
using RustScope.Collectors.Process.Events;
using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>
/// The profiled process and its descendants. Refreshing re-reads each live process's open stat file; discovery
/// (run less often) re-reads the open <c>/proc/PID/task/TID/children</c> files of every live process, which list
/// children per thread — a child started from a worker thread is only listed under that thread.
/// </summary>
internal sealed class ProcessTree : IDisposable
{
    // A process whose threads changed but not their number keeps reading the old threads' files: relisted this often.
    private const double RelistTasksEveryS = 1.0;
    private readonly Dictionary<int, ProcessProbe> _live = [];

    // The live processes in adoption order, so parents are refreshed before their children (see Refresh); each with
    // its record, so a tick updates it without a lookup.
    private readonly List<(ProcessProbe Probe, ProcessRecord Record)> _order = [];
    private readonly Dictionary<(int Pid, long Start), ProcessRecord> _records = [];
    private readonly List<ProcessProbe> _gone = [];
    private readonly long _pageSize = Environment.SystemPageSize;
    private readonly bool _attached;
    private readonly ProcessCreationWatch _creations;
    private readonly ProcessEventConnector? _events;
    private readonly TreeContainment? _containment;
    private readonly List<int> _found = [];
    private double _tasksListedS = double.NegativeInfinity;
    private long _endedTicks;
    private long _lastTicks;
    private volatile int[] _livePids = [];

    /// <param name="rootPid">The root of the tree.</param>
    /// <param name="attached">The tree existed before the session (<c>--pid</c>), rather than being started by it.</param>
    /// <param name="loadavgPath">Where the creation watch reads the newest pid; without the file, every discovery scans.</param>
    /// <param name="events">The kernel's process events, when available: new processes are adopted at the next tick.</param>
    /// <param name="containment">
    /// What holds a started tree together: its cgroup's members and the orphans re-parented to rustscope are adopted at
    /// each discovery (a daemon that left its parent is still the tree's), and ended orphans are reaped.
    /// </param>
    public ProcessTree(int rootPid, bool attached = false, string loadavgPath = "/proc/loadavg", ProcessEventConnector? events = null, TreeContainment? containment = null)
    {
        _containment = containment;
        RootPid = rootPid;
        _attached = attached;
        _creations = new ProcessCreationWatch(loadavgPath);
        _events = events;
    }

    public int RootPid { get; }

    /// <summary>
    /// The live pids, children first and the root last (so signals reach children before the parent can react by
    /// spawning more). Safe to read from any thread; republished only when the set changes.
    /// </summary>
    public IReadOnlyList<int> LivePids => _livePids;

    public int LiveCount => _live.Count;

    public bool RootAlive => _live.ContainsKey(RootPid);

    /// <summary>The root was read at least once.</summary>
    public bool RootSeen => _records.Keys.Any(key => key.Pid == RootPid);

    /// <summary>Finds processes that joined the tree since the last call.</summary>
    public void Discover(double elapsedS)
    {
        // Always asked, so the watch keeps its count of quiet checks.
        var mayHaveGrown = _creations.MayHaveNewProcesses();
        var first = _records.Count == 0;
        if (first)
        {
            Adopt(RootPid, elapsedS, _attached);
        }
        else if (!mayHaveGrown)
        {
            return;
        }

        var before = _live.Count;
        var relistTasks = elapsedS - _tasksListedS >= RelistTasksEveryS;
        if (relistTasks)
        {
            _tasksListedS = elapsedS;
        }

        // First, so the loop below finds the adopted members' children in the same pass.
        if (_containment is not null)
        {
            _found.Clear();
            _containment.AddMembersTo(_found);
            foreach (var member in _found)
            {
                if (!_live.ContainsKey(member))
                {
                    Adopt(member, elapsedS, startedBefore: false);
                }
            }
        }

        // By index: adopted children are appended and searched in the same pass, so grandchildren are found at once.
        for (var i = 0; i < _order.Count; i++)
        {
            _found.Clear();
            _order[i].Probe.AddChildrenTo(_found, relistTasks);
            foreach (var child in _found)
            {
                if (!_live.ContainsKey(child))
                {
                    Adopt(child, elapsedS, first && _attached);
                }
            }
        }

        if (_live.Count != before)
        {
            PublishLivePids();
        }
    }

    /// <summary>
    /// Re-reads every live process and sums the tree. Allocation-free unless a process exited. Parents are read before
    /// their children: a child reaped between the two reads then shows up once (in the parent's cutime, or credited
    /// when its own read fails), where the other order would count it twice for a tick and fake a CPU spike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TreeTotals Refresh(double elapsedS, bool countFds)
    {
        if (_events is not null)
        {
            AdoptAnnounced(elapsedS);
        }

        foreach (var (probe, _) in _order)
        {
            if (!probe.Refresh(countFds))
            {
                _gone.Add(probe);
            }
        }

        if (_gone.Count > 0)
        {
            RetireGone();
        }

        long ticks = _endedTicks, rss = 0;
        int threads = 0, fds = 0;
        foreach (var (probe, record) in _order)
        {
            ticks += probe.TreeTicks;
            rss += probe.Last.RssPages * _pageSize;
            threads += probe.Last.Threads;
            fds += probe.LastFds;
            record.Observe(probe.Last, probe.Name, probe.LastFds, _pageSize, elapsedS);
        }

        // The estimate can dip for a moment (a seen child ended, a parent that also reaped unseen ones has not reaped
        // it yet); a dip followed by the recovery would read as a burst of CPU, so the total is held instead.
        _lastTicks = ticks = Math.Max(ticks, _lastTicks);
        return new TreeTotals(ticks, rss, threads, fds, _live.Count);
    }

    /// <summary>Gives every live process's CPU window this discovery period's reading.</summary>
    public void ClosePerProcessCpuWindows(double elapsedS)
    {
        foreach (var (probe, record) in _order)
        {
            record.CloseCpuWindow(probe.Last.CpuTicks, elapsedS);
        }
    }

    public IReadOnlyList<ProcessSummary> Summaries() =>
        [.. _records.Values.OrderBy(r => r.Pid == RootPid ? 0 : 1).ThenBy(r => r.Pid).Select(r => r.ToSummary())];

    public void Dispose()
    {
        foreach (var (probe, _) in _order)
        {
            probe.Dispose();
        }

        _live.Clear();
        _order.Clear();
        _livePids = [];
        _creations.Dispose();
    }

    /// <summary>Adopts the processes the connector saw start since the last tick (their parents are already adopted).</summary>
    private void AdoptAnnounced(double elapsedS)
    {
        var before = _live.Count;
        while (_records.Count > 0 && _events!.TryTakeAnnounced(out var pid))
        {
            if (!_live.ContainsKey(pid))
            {
                Adopt(pid, elapsedS, startedBefore: false);
            }
        }

        if (_live.Count != before)
        {
            PublishLivePids();
        }
    }

    private void PublishLivePids() =>
        _livePids = [.. _live.Keys.Where(p => p != RootPid), .. _live.Keys.Where(p => p == RootPid)];

    /// <summary>
    /// Drops the processes that ended, children before parents (they were adopted after them), and hands each one's
    /// ticks to its parent while the parent is watched, or to the tree's ended total otherwise (the root, orphans).
    /// </summary>
    private void RetireGone()
    {
        for (var i = _gone.Count - 1; i >= 0; i--)
        {
            var probe = _gone[i];
            _live.Remove(probe.Pid);
            _order.RemoveAt(_order.FindIndex(entry => entry.Probe == probe));
            if (_live.TryGetValue(probe.Last.Ppid, out var parent))
            {
                parent.CreditEndedChild(probe.TreeTicks);
            }
            else
            {
                _endedTicks += probe.TreeTicks;
            }

            probe.Dispose();
            _containment?.Reap(probe.Pid);
        }

        _gone.Clear();
        PublishLivePids();
    }

    private void Adopt(int pid, double elapsedS, bool startedBefore)
    {
        if (ProcessProbe.TryOpen(pid, startedBefore) is not { } probe)
        {
            return;
        }

        _live[pid] = probe;
        var key = (pid, probe.StartTicks);
        if (!_records.TryGetValue(key, out var record))
        {
            record = new ProcessRecord(pid, probe.Ppid, probe.Name, elapsedS);
            _records[key] = record;
        }

        _order.Add((probe, record));

        record.Observe(probe.Last, probe.Name, probe.LastFds, _pageSize, elapsedS);
        record.CloseCpuWindow(probe.Last.CpuTicks, elapsedS);
    }
}
