using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>Allocation sites summed over several sessions, by type and the functions on their stack.</summary>
internal sealed class SiteTotals
{
    private readonly Dictionary<string, AllocationSite> _sites = new(StringComparer.Ordinal);

    public void Clear() => _sites.Clear();

    public void Add(IEnumerable<AllocationSite> sites)
    {
        foreach (var site in sites)
        {
            var key = site.Type + "\n" + string.Join('\n', site.Stack.Select(static f => $"{f.Module}!{f.Name}"));
            _sites[key] = _sites.TryGetValue(key, out var known)
                ? known with { Bytes = known.Bytes + site.Bytes, Count = known.Count + site.Count }
                : site;
        }
    }

    /// <summary>The sites, largest first.</summary>
    public IReadOnlyList<AllocationSite> Sites() => [.. _sites.Values.OrderByDescending(static s => s.Bytes)];

    /// <summary>
    /// The sites as flamegraph stacks weighted by estimated bytes, each ending in a frame for the allocated type (module
    /// <c>(type)</c>), so the collapsed and pprof views name both the allocating method and what it allocated.
    /// </summary>
    public static StackProfile? Stacks(IReadOnlyList<AllocationSite> sites)
    {
        var stacks = new StackAggregator();
        foreach (var site in sites)
        {
            stacks.Add([.. site.Stack, new StackFrame { Name = site.Type, Module = "(type)" }], site.Bytes, SampleOrigin.Unknown);
        }

        return stacks.Stacks() is { } profile ? profile with { Unit = "bytes" } : null;
    }
}
