using RustScope.Core.Model;
using RustScope.Profiling.Endpoint.Sessions;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>Takes one CPU profile at a time: the runtime's sample profiler for a while, then the stacks it saw.</summary>
internal sealed class CpuProfiler
{
    private int _running;

    /// <summary>
    /// Samples the process for <paramref name="duration"/>, or until <paramref name="stop"/> fires (the client went away),
    /// and returns the session; null when another profile is running.
    /// </summary>
    /// <exception cref="ProfilingUnavailableException">The diagnostic session could not start.</exception>
    public async Task<ProfileSession?> ProfileAsync(TimeSpan duration, CancellationToken stop)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return null;
        }

        try
        {
            var window = new ProcessWindow();
            await using var trace = await InProcessTrace.StartAsync(EndpointProviders.Cpu, stop).ConfigureAwait(false);
            try
            {
                await Task.Delay(duration, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ended early: the samples so far are still a profile (and a departed client is not told anyway).
            }

            var profile = await trace.StopAsync().ConfigureAwait(false);
            return EndpointSession.Create(window, profile);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
