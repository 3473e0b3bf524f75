using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Collectors.Process;

/// <summary>
/// The figures the gate compares, from what the kernel knows exactly before what sampling estimates: wall time is
/// the root's lifetime, CPU seconds and peak memory of the reaped tree (wait4's rusage) are floors under the sampled
/// ones, so a process that lived 5 ms, or a run that ended before the first sample, still counts. The session says
/// when data may be missing.
/// </summary>
internal static class ExactAccounting
{
    // CPU the samples missed beyond this share (and this many seconds) means processes went unseen.
    private const double UnseenCpuShare = 0.05;
    private const double UnseenCpuMinimumS = 0.05;

    public static SessionSummary Summarize(SamplingResult sampling, KernelAccount? kernel)
    {
        var wallS = kernel is null ? sampling.DurationS : WallS(kernel);
        var cpuS = Math.Max(sampling.CpuSeconds, kernel?.Exit.CpuS ?? 0);
        var cpuMean = wallS > 0 ? cpuS * 100 / wallS : 0;
        return new SessionSummary
        {
            DurationS = Math.Round(wallS, 3),
            CpuS = Math.Round(cpuS, 3),
            CpuPctMean = Math.Round(cpuMean, 1),
            CpuPctMax = Math.Round(Math.Max(sampling.CpuPctMax, cpuMean), 1),
            PeakRssMb = Math.Round(Math.Max(sampling.PeakRssMb, (kernel?.Exit.MaxRssBytes ?? 0) / 1e6), 3),
            PeakThreads = sampling.PeakThreads,
            PeakFds = sampling.PeakFds,
            EventCount = sampling.Events.Count,
            Processes = Processes(sampling.Processes, kernel),
        };
    }

    /// <summary>The root's lifetime: fork to exit as the connector timed it, else spawn to reap.</summary>
    public static double WallS(KernelAccount kernel) =>
        kernel.Events?.RootLifetime is { } lifetime ? (lifetime.EndNs - lifetime.StartNs) / 1e9 : kernel.Exit.SpawnToReapS;

    public static IEnumerable<string> Warnings(SamplingResult sampling, KernelAccount? kernel)
    {
        if (kernel is null)
        {
            yield break;
        }

        if (!sampling.RootSeen)
        {
            yield return kernel.Exit.MaxRssBytes > 0
                ? Invariant($"the target ended {WallS(kernel) * 1000:F0} ms after it started, before the first /proc sample: wall time, CPU seconds and peak memory come from the kernel's accounting alone, and samples[] is empty")
                : Invariant($"the target ended {WallS(kernel) * 1000:F0} ms after it started, before the first /proc sample: wall time and CPU seconds come from the kernel's accounting alone, samples[] is empty, and its peak memory is unknown (the kernel's figure for a child includes rustscope's own peak, and this one was no higher)");
        }

        var unseenCpuS = kernel.Exit.CpuS - sampling.CpuSeconds;
        if (kernel.Events is null && sampling.RootSeen && unseenCpuS > Math.Max(UnseenCpuMinimumS, UnseenCpuShare * kernel.Exit.CpuS))
        {
            yield return Invariant($"processes were found by polling /proc ({kernel.EventsUnavailable}), and the kernel accounted {unseenCpuS:F2} s more CPU than the samples saw: processes too short-lived to be sampled may be missing from summary.processes (their CPU and memory are counted)");
        }

        if (kernel.Events?.Overflowed == true)
        {
            yield return "the kernel dropped process events because rustscope fell behind reading them: some processes may be missing from summary.processes";
        }

        // A process the sampler saw keeps the name it read; only the connector's own entries can be misnamed.
        if (kernel.Events?.Lifetimes.Count(l => l.NameUnread && sampling.Processes.All(p => p.Pid != l.Pid)) is > 0 and var unnamed)
        {
            // The connector's exec event carries no name: one read from /proc after a busy moment can come too late.
            yield return Invariant($"{unnamed} process(es) of the tree ran a program and ended before rustscope could read its command name: summary.processes lists them under the name they had before (their parent's)");
        }
    }

    /// <summary>The sampled processes with their exact lifetimes, and the ones too short-lived to be sampled.</summary>
    private static IReadOnlyList<ProcessSummary> Processes(IReadOnlyList<ProcessSummary> sampled, KernelAccount? kernel)
    {
        if (kernel?.Events is not { } events)
        {
            return sampled;
        }

        var lifetimes = events.Lifetimes.ToDictionary(l => l.Pid);
        double Seconds(long ns) => Math.Round((ns - kernel.SpawnedAtTimestamp) / 1e9, 3);
        var merged = sampled.Select(process => lifetimes.Remove(process.Pid, out var lifetime)
            ? process with
            {
                FirstSeenS = Math.Min(process.FirstSeenS, Seconds(lifetime.StartNs)),
                LastSeenS = lifetime.EndNs is { } end ? Math.Max(process.LastSeenS, Seconds(end)) : process.LastSeenS,
            }
            : process).ToList();
        merged.AddRange(lifetimes.Values.Select(lifetime => new ProcessSummary
        {
            Pid = lifetime.Pid,
            Ppid = lifetime.Ppid,
            Name = lifetime.Name,
            FirstSeenS = Seconds(lifetime.StartNs),
            LastSeenS = lifetime.EndNs is { } end ? Seconds(end) : Seconds(lifetime.StartNs),
        }));
        return merged;
    }
}
