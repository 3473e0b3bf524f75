using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace RustScope.Collectors.Process;

/// <summary>
/// One process of the profiled tree. Keeps <c>/proc/PID/stat</c> open and re-reads it with pread, so a sample
/// costs one system call and no allocation.
/// </summary>
internal sealed class ProcessProbe : IDisposable
{
    private readonly SafeFileHandle _stat;
    private readonly FdCounter _fds;
    private readonly ProcChildren _children;
    private int _listedThreads = -1;
    private readonly byte[] _buffer = new byte[1024];
    private byte[] _nameBytes = [];
    private long _reapedBaseline;
    private long _endedChildTicks;

    private ProcessProbe(int pid, SafeFileHandle stat, string name, int ppid, long startTicks)
    {
        Pid = pid;
        _stat = stat;
        _fds = new FdCounter(pid);
        _children = new ProcChildren(pid);
        Name = name;
        Ppid = ppid;
        StartTicks = startTicks;
    }

    public int Pid { get; }

    /// <summary>The command name, as of the last read: an exec changes it.</summary>
    public string Name { get; private set; }

    public int Ppid { get; }

    /// <summary>Boot-relative start time: together with the pid it identifies the process even if the pid is reused.</summary>
    public long StartTicks { get; }

    public ProcStat Last { get; private set; }

    public int LastFds { get; private set; }

    /// <summary>
    /// CPU ticks of this process plus those of its descendants that ended while it was watched. The kernel moves a
    /// child's ticks into its parent's cutime/cstime when the parent reaps it, which also covers children too
    /// short-lived for discovery to see. Children that were seen are credited when they vanish: that keeps the sum
    /// from dipping before the reap, and counts children whose parent never reaps them (SIGCHLD ignored). The larger
    /// of the two is the best estimate; taking both would count a reaped child twice.
    /// </summary>
    public long TreeTicks => Last.CpuTicks + Math.Max(Last.ReapedChildTicks - _reapedBaseline, _endedChildTicks);

    /// <summary>Credits the last <see cref="TreeTicks"/> of a child of this process that has ended.</summary>
    public void CreditEndedChild(long ticks) => _endedChildTicks += ticks;

    /// <summary>
    /// Opens the process, or returns null when it is already gone (or a zombie). <paramref name="startedBefore"/> marks a
    /// process that existed before the session (attach): what its children used before then is not part of it.
    /// </summary>
    public static ProcessProbe? TryOpen(int pid, bool startedBefore = false)
    {
        // A process can vanish between being listed and being read, or between the open and the read (ESRCH): the
        // normal case on a tree that forks a lot, not an error.
        SafeFileHandle? handle = null;
        var buffer = new byte[1024];
        int read;
        try
        {
            handle = File.OpenHandle($"/proc/{pid}/stat", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            read = RandomAccess.Read(handle, buffer, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return null;
        }

        if (!ProcStatParser.TryParse(buffer.AsSpan(0, read), out var stat) || stat.State == 'Z')
        {
            handle.Dispose();
            return null;
        }

        var content = buffer.AsSpan(0, read);
        var probe = new ProcessProbe(pid, handle, ProcStatParser.ParseName(content), stat.Ppid, stat.StartTicks) { Last = stat };
        probe._nameBytes = ProcStatParser.NameBytes(content).ToArray();
        probe._reapedBaseline = startedBefore ? stat.ReapedChildTicks : 0;
        probe.LastFds = Math.Max(0, probe._fds.Count());
        return probe;
    }

    /// <summary>Re-reads the process; false once it has exited (zombies count as exited: they use nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Refresh(bool countFds)
    {
        int read;
        try
        {
            read = RandomAccess.Read(_stat, _buffer, 0);
        }
        catch (IOException)
        {
            return false;
        }

        var content = _buffer.AsSpan(0, read);
        if (!ProcStatParser.TryParse(content, out var stat) || stat.State is 'Z' or 'X')
        {
            return false;
        }

        Last = stat;

        // Decoded only when an exec changed it: comparing the bytes allocates nothing.
        if (ProcStatParser.NameBytes(content) is var name && !name.SequenceEqual(_nameBytes))
        {
            _nameBytes = name.ToArray();
            Name = ProcStatParser.ParseName(content);
        }
        if (countFds && _fds.Count() is >= 0 and var fds)
        {
            LastFds = fds;
        }

        return true;
    }

    /// <summary>
    /// Appends the process's children to <paramref name="found"/>. Its threads are listed again when their number
    /// changed since the last listing, or when <paramref name="relistTasks"/> asks (one thread replaced by another).
    /// </summary>
    public void AddChildrenTo(List<int> found, bool relistTasks)
    {
        var relist = relistTasks || Last.Threads != _listedThreads;
        if (relist)
        {
            _listedThreads = Last.Threads;
        }

        _children.AddTo(found, relist);
    }

    public void Dispose()
    {
        _stat.Dispose();
        _fds.Dispose();
        _children.Dispose();
    }
}
