namespace RustScope.Collectors.Process;

/// <summary>The process tree summed at one instant.</summary>
/// <param name="CpuTicks">
/// User + system ticks of the tree since it was first seen: live processes, processes that ended (their last count)
/// and children reaped by a process of the tree even if never seen. It never decreases.
/// </param>
/// <param name="RssBytes">Resident memory of the live processes.</param>
/// <param name="Threads">Threads of the live processes.</param>
/// <param name="Fds">Open file descriptors of the live processes.</param>
/// <param name="Processes">Live processes.</param>
internal readonly record struct TreeTotals(long CpuTicks, long RssBytes, int Threads, int Fds, int Processes);
