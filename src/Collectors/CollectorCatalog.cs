using RustScope.Collectors.Native;
using RustScope.Collectors.Sampling;
using RustScope.Collectors.Sampling.Perf;

namespace RustScope.Collectors;

/// <summary>The collectors that run beside the /proc sampler, in the order they enrich the session.</summary>
internal static class CollectorCatalog
{
    public static IReadOnlyList<ISessionCollector> Create(bool sampling = true, PerfOptions? perf = null, NativeAllocationOptions? trackAlloc = null) =>
    [
        new SamplingCollector(sampling, perfOptions: perf),
        new InstrumentedSessionCollector(),
        .. trackAlloc is null ? Array.Empty<ISessionCollector>() : [new NativeAllocationCollector(trackAlloc)],
    ];
}
