using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>The EventPipe providers RustScope asks a .NET target for.</summary>
internal static class EventPipeConfiguration
{
    public const string RuntimeCountersProvider = "System.Runtime";

    /// <summary>Room for bursts while the stream is read; the runtime drops events rather than blocking when full.</summary>
    public const int CircularBufferMb = 256;

    /// <summary>A dozen counter events a second need little room.</summary>
    public const int CounterBufferMb = 4;

    // GC (allocation ticks at Verbose), Loader and Jit (module and method names for stacks), NGen (ReadyToRun
    // method names at rundown), Contention (where locks were found taken, with stacks) and .NET 10's randomised
    // allocation sampling (older runtimes ignore the keyword).
    private const ClrTraceEventParser.Keywords RuntimeKeywords =
        ClrTraceEventParser.Keywords.GC
        | ClrTraceEventParser.Keywords.Loader
        | ClrTraceEventParser.Keywords.Jit
        | ClrTraceEventParser.Keywords.NGen
        | ClrTraceEventParser.Keywords.Contention
        | ClrTraceEventParser.Keywords.AllocationSampling;

    /// <summary>CPU samples with stacks, allocation samples, and the method and module names to resolve the stacks.</summary>
    public static IReadOnlyList<EventPipeProvider> SamplingProviders { get; } =
    [
        new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
        new(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)RuntimeKeywords),
    ];

    /// <summary>The System.Runtime counters, reported every second.</summary>
    public static IReadOnlyList<EventPipeProvider> CounterProviders { get; } =
    [
        new(RuntimeCountersProvider, EventLevel.Informational, 0, new Dictionary<string, string>(StringComparer.Ordinal) { ["EventCounterIntervalSec"] = "1" }),
    ];
}
