namespace RustScope.Collectors.Sampling.Perf;

/// <summary>How perf samples a native target: <c>--sample-hz</c> and <c>--call-graph</c>.</summary>
/// <param name="Hz">Samples per second and CPU; 99 by default, off the beat of timers that fire at 100 Hz.</param>
/// <param name="CallGraph">How stacks are walked.</param>
internal sealed record PerfOptions(int Hz = PerfOptions.DefaultHz, CallGraph CallGraph = CallGraph.FramePointer)
{
    /// <summary>perf's sampling rate when none is given.</summary>
    public const int DefaultHz = 99;

    /// <summary>The highest rate accepted; the kernel may allow less (perf then says so).</summary>
    public const int MaxHz = 10_000;
}
