using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// What the endpoint's sessions ask the runtime for. Each route asks only for its own events, unlike the CLI's one session
/// for everything: a CPU profile must not switch allocation sampling on, and allocation sampling must not pay for CPU samples.
/// </summary>
internal static class EndpointProviders
{
    // Loader and Jit (Verbose: method names) name the stacks; NGen names ReadyToRun code at the rundown.
    private const ClrTraceEventParser.Keywords MethodNames =
        ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Jit | ClrTraceEventParser.Keywords.NGen;

    /// <summary>The runtime's sample profiler (every thread, every millisecond) and the names of the code it samples.</summary>
    public static IReadOnlyList<EventPipeProvider> Cpu { get; } =
    [
        new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
        new(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)MethodNames),
    ];

    /// <summary>.NET 10's randomised allocation sampling (one object per ~100 KB allocated, with its stack) and the method names.</summary>
    public static IReadOnlyList<EventPipeProvider> Allocations { get; } =
    [
        new(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)(MethodNames | ClrTraceEventParser.Keywords.AllocationSampling)),
    ];
}
