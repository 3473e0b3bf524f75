using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Merges what each process of the tree delivered into one profile: functions over all processes, running and waiting
/// stacks that keep their process, thread and second, contentions, allocation sites merged by type and function stack.
/// </summary>
internal static class ProcessProfileMerger
{
    /// <param name="processes">The .NET processes sampled, each with its own runtime counter reports.</param>
    /// <param name="startUnixMs">The session's start (<c>meta.start_ts</c>): the samples' seconds count from it.</param>
    /// <param name="perf">
    /// perf's stacks of the tree when perf ran beside EventPipe (a native root): the samples of the processes EventPipe
    /// did not sample (the native ones) are kept as CPU time; those of the others, which perf saw mostly unnamed, are not.
    /// </param>
    /// <param name="perfHz">perf's sampling rate, which turns its samples into EventPipe's unit (one sample a millisecond).</param>
    public static SampledProfile Merge(IReadOnlyList<SampledProcess> processes, long startUnixMs, StackProfile? perf = null, int perfHz = 1000)
    {
        var threadTime = new ThreadTimeProfile();
        List<string> warnings = [];
        if (perf is not null)
        {
            HashSet<int> sampledThroughEventPipe = [.. processes.Select(static process => process.Pid)];
            AddNativeProcesses(threadTime, perf, 1000.0 / perfHz, sampledThroughEventPipe);
        }

        foreach (var process in processes)
        {
            foreach (var (stacks, waiting) in new[] { (process.Cpu, false), (process.Waiting, true) })
            {
                foreach (var stack in stacks)
                {
                    var second = (int)Math.Max(0, (stack.UnixMs - startUnixMs) / 1000);
                    threadTime.Add(stack.RootFirst, stack.Samples, new SampleOrigin(process.Pid, stack.Tid, second), waiting);
                }
            }

            foreach (var (tid, name) in process.ThreadNames)
            {
                threadTime.NameThread(process.Pid, tid, name);
            }

            // With several processes a warning says which one it is about.
            warnings.AddRange(processes.Count == 1 ? process.Warnings : process.Warnings.Select(w => $"process {process.Pid}: {w}"));
        }

        if (threadTime.CpuWeight <= 0)
        {
            warnings.Add("no managed CPU samples were recorded (the target ran too briefly or only waited)");
        }

        return new SampledProfile
        {
            Functions = threadTime.Functions(),
            Stacks = threadTime.CpuStacks(),
            WaitStacks = threadTime.WaitStacks(),
            Contentions = [.. processes.SelectMany(static process => process.Contentions).OrderByDescending(static contention => contention.WaitMs).Take(ContentionTable.MaxEntries)],
            Allocations = MergeAllocations(processes),
            Counters = [.. processes.Select(static process => process.Counters)],
            Warnings = warnings,
        };
    }

    private static void AddNativeProcesses(ThreadTimeProfile threadTime, StackProfile perf, double samplesPerPerfSample, HashSet<int> sampledThroughEventPipe)
    {
        foreach (var sample in perf.Samples)
        {
            if (sample.Pid is { } pid && !sampledThroughEventPipe.Contains(pid))
            {
                threadTime.Add([.. sample.Stack.Select(index => perf.Frames[index])], sample.Weight * samplesPerPerfSample, new SampleOrigin(pid, sample.Tid, sample.Second), waiting: false);
            }
        }

        foreach (var thread in perf.Threads)
        {
            if (thread.Name is { } name && !sampledThroughEventPipe.Contains(thread.Pid))
            {
                threadTime.NameThread(thread.Pid, thread.Tid, name);
            }
        }
    }

    // The same site in two processes (two MSBuild nodes running the same task) is one site to the user.
    private static List<AllocationSite> MergeAllocations(IReadOnlyList<SampledProcess> processes) =>
    [
        .. processes
            .SelectMany(process => process.Allocations)
            .GroupBy(site => (site.Type, Functions: string.Join('\n', site.Stack.Select(static f => $"{f.Module}!{f.Name}"))))
            .Select(static merged => merged.Count() == 1 ? merged.First() : merged.First() with
            {
                Bytes = merged.Sum(static s => s.Bytes),
                Count = merged.Sum(static s => s.Count),
            })
            .OrderByDescending(static site => site.Bytes)
            .Take(AllocationTable.MaxSites),
    ];
}
