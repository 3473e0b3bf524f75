using System.Diagnostics.CodeAnalysis;
using RustScope.Collectors.Sampling;
using RustScope.Core.Model;
using RustScope.Profiling.Endpoint.Sessions;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// Allocation sampling switched at run time, like jemalloc's <c>prof.active</c>. While active, an allocation-sampling
/// session runs; a snapshot ends it (the rundown at its end names the code), adds its sites to those since activation and
/// starts the next one, so the allocations of the moment between the two are the only ones missed.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "One per process (ProcessProfiler.Shared), alive as long as the process.")]
internal sealed class AllocationSampler
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SiteTotals _sites = new();
    private InProcessTrace? _trace;
    private ProcessWindow? _window;
    private string? _unavailable;

    /// <summary>Whether sampling runs now.</summary>
    public bool Active => _trace is not null;

    /// <summary>Why the last switch on failed, if it did.</summary>
    public string? Unavailable => _unavailable;

    /// <summary>Switches sampling on (starting afresh: the sites count from this activation) or off (keeping the sites for the next snapshot).</summary>
    /// <exception cref="ProfilingUnavailableException">The diagnostic session could not start.</exception>
    public async Task SetActiveAsync(bool active)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (active == Active)
            {
                return;
            }

            if (active)
            {
                _sites.Clear();
                _window = new ProcessWindow();
                _trace = await StartAsync().ConfigureAwait(false);
                return;
            }

            await CollectAsync().ConfigureAwait(false);
            _trace = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The sites sampled since the last activation, the running session's included.</summary>
    public async Task<ProfileSession> SnapshotAsync(string prefix)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            List<string> notes = [];
            if (Active)
            {
                await CollectAsync().ConfigureAwait(false);
                try
                {
                    _trace = await StartAsync().ConfigureAwait(false);
                }
                catch (ProfilingUnavailableException e)
                {
                    _trace = null;
                    notes.Add($"allocation sampling stopped: {e.Message}");
                }
            }
            else
            {
                notes.Add(_window is null
                    ? $"allocation sampling has not been active: POST {prefix}/conf?prof.active:true switches it on"
                    : "allocation sampling is off: these are the sites sampled while it was last on");
            }

            var window = _window ?? new ProcessWindow();
            var sites = _sites.Sites();
            return EndpointSession.Create(window, new SampledProfile { Allocations = sites, Stacks = SiteTotals.Stacks(sites) }, [.. notes]);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<InProcessTrace> StartAsync()
    {
        try
        {
            var trace = await InProcessTrace.StartAsync(EndpointProviders.Allocations, CancellationToken.None).ConfigureAwait(false);
            _unavailable = null;
            return trace;
        }
        catch (ProfilingUnavailableException e)
        {
            _unavailable = e.Message;
            throw;
        }
    }

    private async Task CollectAsync()
    {
        if (_trace is not { } trace)
        {
            return;
        }

        var profile = await trace.StopAsync().ConfigureAwait(false);
        await trace.DisposeAsync().ConfigureAwait(false);
        _sites.Add(profile.Allocations);
    }
}
