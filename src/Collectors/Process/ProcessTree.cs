using System.Runtime.CompilerServices;
using System.Globalization;
using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>
/// The profiled process and its descendants. Refreshing re-reads each live process's open stat file; discovery
/// (run less often) reads <c>/proc/PID/task/TID/children</c> of every live process, which lists children per thread —
/// a child started from a worker thread is only listed under that thread.
/// </summary>
internal sealed class ProcessTree : IDisposable
{
    private readonly Dictionary<int, ProcessProbe> _live = [];
    private readonly Dictionary<(int Pid, long Start), ProcessRecord> _records = [];
    private readonly List<int> _gone = [];
    private readonly long _pageSize = Environment.SystemPageSize;
    private long _exitedTicks;
    private volatile int[] _livePids = [];

    public ProcessTree(int rootPid) => RootPid = rootPid;

    public int RootPid { get; }

    /// <summary>
    /// The live pids, children first and the root last (so signals reach children before the parent can react by
    /// spawning more). Safe to read from any thread; republished only when the set changes.
    /// </summary>
    public IReadOnlyList<int> LivePids => _livePids;

    public int LiveCount => _live.Count;

    public bool RootAlive => _live.ContainsKey(RootPid);

    /// <summary>Finds processes that joined the tree since the last call.</summary>
    public void Discover(double elapsedS)
    {
        if (_live.Count == 0 && _records.Count == 0)
        {
            Adopt(RootPid, elapsedS);
        }

        var before = _live.Count;
        foreach (var parent in _live.Keys.ToList())
        {
            foreach (var child in ReadChildren(parent))
            {
                if (!_live.ContainsKey(child))
                {
                    Adopt(child, elapsedS);
                }
            }
        }

        if (_live.Count != before)
        {
            PublishLivePids();
        }
    }

    /// <summary>Re-reads every live process and sums the tree. Allocation-free unless a process exited.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TreeTotals Refresh(double elapsedS, bool countFds)
    {
        long ticks = _exitedTicks, rss = 0;
        int threads = 0, fds = 0;
        foreach (var (pid, probe) in _live)
        {
            var previousTicks = probe.Last.CpuTicks;
            if (!probe.Refresh(countFds))
            {
                // Keep what it used up to its last sample; the few ms after that are lost.
                _exitedTicks += previousTicks;
                ticks += previousTicks;
                _gone.Add(pid);
                continue;
            }

            ticks += probe.Last.CpuTicks;
            rss += probe.Last.RssPages * _pageSize;
            threads += probe.Last.Threads;
            fds += probe.LastFds;
            _records[(pid, probe.StartTicks)].Observe(probe.Last, probe.LastFds, _pageSize, elapsedS);
        }

        foreach (var pid in _gone)
        {
            _live.Remove(pid, out var probe);
            probe!.Dispose();
        }

        if (_gone.Count > 0)
        {
            _gone.Clear();
            PublishLivePids();
        }

        return new TreeTotals(ticks, rss, threads, fds, _live.Count);
    }

    /// <summary>Closes every live process's CPU window (per-process peak CPU is measured per discovery period).</summary>
    public void ClosePerProcessCpuWindows(double elapsedS, long ticksPerSecond)
    {
        foreach (var probe in _live.Values)
        {
            _records[(probe.Pid, probe.StartTicks)].CloseCpuWindow(probe.Last.CpuTicks, elapsedS, ticksPerSecond);
        }
    }

    public IReadOnlyList<ProcessSummary> Summaries() =>
        [.. _records.Values.OrderBy(r => r.Pid == RootPid ? 0 : 1).ThenBy(r => r.Pid).Select(r => r.ToSummary())];

    public void Dispose()
    {
        foreach (var probe in _live.Values)
        {
            probe.Dispose();
        }

        _live.Clear();
        _livePids = [];
    }

    private void PublishLivePids() =>
        _livePids = [.. _live.Keys.Where(p => p != RootPid), .. _live.Keys.Where(p => p == RootPid)];

    private void Adopt(int pid, double elapsedS)
    {
        if (ProcessProbe.TryOpen(pid) is not { } probe)
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

        record.Observe(probe.Last, probe.LastFds, _pageSize, elapsedS);
        record.CloseCpuWindow(probe.Last.CpuTicks, elapsedS, Native.Libc.ClockTicksPerSecond);
    }

    private static IEnumerable<int> ReadChildren(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                {
                    yield return child;
                }
            }
        }
    }
}
