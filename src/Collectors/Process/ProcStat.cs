namespace RustScope.Collectors.Process;

/// <summary>The fields of <c>/proc/PID/stat</c> the sampler uses (proc(5) numbering in comments).</summary>
internal readonly record struct ProcStat(
    int Pid,               // 1
    char State,            // 3
    int Ppid,              // 4
    long UserTicks,        // 14 utime
    long SystemTicks,      // 15 stime
    long ReapedUserTicks,  // 16 cutime: children this process waited for
    long ReapedSystemTicks, // 17 cstime
    int Threads,           // 20 num_threads
    long StartTicks,       // 22 starttime
    long RssPages)         // 24 rss
{
    public long CpuTicks => UserTicks + SystemTicks;

    /// <summary>CPU of the descendants this process has reaped, their own descendants included.</summary>
    public long ReapedChildTicks => ReapedUserTicks + ReapedSystemTicks;
}
