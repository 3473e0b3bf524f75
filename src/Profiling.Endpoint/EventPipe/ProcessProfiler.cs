namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// The profilers of this process. One per process on purpose: the CPU profile's one-at-a-time rule and the allocation
/// switch are about the process, so an app that maps the routes and also starts the standalone server shares them.
/// </summary>
internal sealed class ProcessProfiler
{
    private static readonly Lazy<ProcessProfiler> Instance = new(static () => new ProcessProfiler());

    private ProcessProfiler()
    {
    }

    public static ProcessProfiler Shared => Instance.Value;

    public CpuProfiler Cpu { get; } = new();

    public AllocationSampler Allocations { get; } = new();

    public HeapSnapshot Heap { get; } = new();

    /// <summary>
    /// Applies the starting state of allocation sampling (the option, else <c>RUSTSCOPE_PROF</c>); a process whose
    /// diagnostics are off keeps serving, and <c>/pprof/conf</c> says why sampling is not on.
    /// </summary>
    public void ApplyStartState(bool? active)
    {
        active ??= Environment.GetEnvironmentVariable("RUSTSCOPE_PROF")?.Trim().ToLowerInvariant() is "active" or "true" or "1";
        if (active is not true)
        {
            return;
        }

        try
        {
            Allocations.SetActiveAsync(true).GetAwaiter().GetResult();
        }
        catch (ProfilingUnavailableException)
        {
            // Kept in Allocations.Unavailable for GET /pprof/conf.
        }
    }
}
