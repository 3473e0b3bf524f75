namespace RustScope.Collectors.Process;

/// <summary>The fields of <c>/proc/PID/stat</c> the sampler uses (proc(5) numbering in comments).</summary>
internal readonly record struct ProcStat(
    int Pid,          // 1
    char State,       // 3
    int Ppid,         // 4
    long UserTicks,   // 14 utime
    long SystemTicks, // 15 stime
    int Threads,      // 20 num_threads
    long StartTicks,  // 22 starttime
    long RssPages)    // 24 rss
{
    public long CpuTicks => UserTicks + SystemTicks;
}
