using RustScope.Collectors.Sampling;

namespace RustScope.Collectors;

/// <summary>The collectors that run beside the /proc sampler, in the order they enrich the session.</summary>
internal static class CollectorCatalog
{
    public static IReadOnlyList<ISessionCollector> Create(bool sampling = true) =>
    [
        new SamplingCollector(sampling),
        new InstrumentedSessionCollector(),
    ];
}
