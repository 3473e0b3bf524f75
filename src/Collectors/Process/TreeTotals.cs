namespace RustScope.Collectors.Process;

/// <summary>The process tree summed at one instant.</summary>
/// <param name="CpuTicks">User + system ticks of every process ever seen (exited ones keep their last count), so it only grows.</param>
/// <param name="RssBytes">Resident memory of the live processes.</param>
/// <param name="Threads">Threads of the live processes.</param>
/// <param name="Fds">Open file descriptors of the live processes.</param>
/// <param name="Processes">Live processes.</param>
internal readonly record struct TreeTotals(long CpuTicks, long RssBytes, int Threads, int Fds, int Processes);
