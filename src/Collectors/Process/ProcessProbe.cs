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
    private readonly byte[] _buffer = new byte[1024];

    private ProcessProbe(int pid, SafeFileHandle stat, string name, int ppid, long startTicks)
    {
        Pid = pid;
        _stat = stat;
        _fds = new FdCounter(pid);
        Name = name;
        Ppid = ppid;
        StartTicks = startTicks;
    }

    public int Pid { get; }

    public string Name { get; }

    public int Ppid { get; }

    /// <summary>Boot-relative start time: together with the pid it identifies the process even if the pid is reused.</summary>
    public long StartTicks { get; }

    public ProcStat Last { get; private set; }

    public int LastFds { get; private set; }

    /// <summary>Opens the process, or returns null when it is already gone (or a zombie).</summary>
    public static ProcessProbe? TryOpen(int pid)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle($"/proc/{pid}/stat", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var buffer = new byte[1024];
        var read = RandomAccess.Read(handle, buffer, 0);
        if (!ProcStatParser.TryParse(buffer.AsSpan(0, read), out var stat) || stat.State == 'Z')
        {
            handle.Dispose();
            return null;
        }

        var probe = new ProcessProbe(pid, handle, ProcStatParser.ParseName(buffer.AsSpan(0, read)), stat.Ppid, stat.StartTicks) { Last = stat };
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

        if (!ProcStatParser.TryParse(_buffer.AsSpan(0, read), out var stat) || stat.State is 'Z' or 'X')
        {
            return false;
        }

        Last = stat;
        if (countFds && _fds.Count() is >= 0 and var fds)
        {
            LastFds = fds;
        }

        return true;
    }

    public void Dispose() => _stat.Dispose();
}
