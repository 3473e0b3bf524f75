using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>What the /proc sampler saw over a whole session.</summary>
/// <param name="CpuSeconds">User + system CPU seconds of the tree that the samples account for.</param>
internal sealed record SamplingResult(
    long StartUnixMs,
    double DurationS,
    double CpuSeconds,
    double CpuPctMax,
    double PeakRssMb,
    int PeakThreads,
    int PeakFds,
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<MemoryEvent> Events,
    IReadOnlyList<ProcessSummary> Processes)
{
    /// <summary>False when the root had ended before the first sample could read it.</summary>
    public bool RootSeen { get; init; } = true;
}
