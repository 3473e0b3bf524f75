using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// Takes the thread pool's idle workers out of a CPU profile. The runtime's sample profiler samples threads by state, not
/// by time on a CPU: a worker spinning for work (LowLevelSpinWaiter under the pool's worker loop) is "managed code" to it,
/// and on a busy machine, where the spinning thread is descheduled mid-spin, it is sampled as often as the hottest method.
/// In a service the endpoint's own requests keep waking workers, so left in, idling would head every profile. Go's
/// profiler, which samples CPU time, never shows idle either.
/// </summary>
internal static class IdleWorkers
{
    private const string SpinLeaf = "System.Threading.LowLevelSpinWaiter.Wait";
    private const string WorkerLoop = "System.Threading.PortableThreadPool+WorkerThread";

    public static SampledProfile Remove(SampledProfile profile)
    {
        if (profile.Stacks is not { } stacks)
        {
            return profile;
        }

        var kept = new StackAggregator();
        double idle = 0;
        foreach (var sample in stacks.Samples)
        {
            var frames = sample.Stack.Select(i => stacks.Frames[i]).ToArray();
            if (IsIdle(frames))
            {
                idle += sample.Weight;
                continue;
            }

            kept.Add(frames, sample.Weight, SampleOrigin.Unknown);
        }

        if (idle == 0)
        {
            return profile;
        }

        return profile with
        {
            Functions = kept.Functions(),
            Stacks = kept.Stacks(),
            Warnings = [.. profile.Warnings, $"{idle:0} samples of idle thread-pool workers spinning for work were left out"],
        };
    }

    private static bool IsIdle(StackFrame[] frames) =>
        frames.Length > 0
        && frames[^1].Name.StartsWith(SpinLeaf, StringComparison.Ordinal)
        && frames.Any(static f => f.Name.StartsWith(WorkerLoop, StringComparison.Ordinal));
}
