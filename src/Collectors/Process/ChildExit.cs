namespace RustScope.Collectors.Process;

/// <summary>How the spawned root ended, as the kernel reported it when rustscope reaped it.</summary>
/// <param name="ExitCode">The exit status, or 128 + N when signal N ended it (as a shell reports it).</param>
/// <param name="Signal">The signal that ended it; null when it exited.</param>
/// <param name="SpawnToReapS">Seconds from just before the spawn to just after the reap, on the monotonic clock.</param>
/// <param name="CpuS">User + system CPU seconds of the root and of every descendant reaped below it (wait4's rusage).</param>
/// <param name="MaxRssBytes">
/// The peak resident set of the root or of its largest reaped descendant (ru_maxrss); 0 when it is no higher than
/// rustscope's own peak, which the child's figure includes (see <see cref="ChildProcess"/>).
/// </param>
internal sealed record ChildExit(int ExitCode, int? Signal, double SpawnToReapS, double CpuS, long MaxRssBytes);
