using Microsoft.Diagnostics.Tracing.Etlx;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>Sums sampled allocations per (type, interned call stack) and reports the heaviest sites.</summary>
internal sealed class AllocationTable
{
    public const int MaxSites = 100;
    private readonly Dictionary<(string Type, CallStackIndex Stack), AllocationTotal> _sites = [];

    public void Add(string type, CallStackIndex stack, double bytes)
    {
        if (!_sites.TryGetValue((type, stack), out var site))
        {
            site = new AllocationTotal();
            _sites.Add((type, stack), site);
        }

        site.Bytes += bytes;
        site.Count++;
    }

    public bool IsEmpty => _sites.Count == 0;

    /// <summary>
    /// The heaviest sites, at most <see cref="MaxSites"/>. Sites are merged by type and the functions on their stack:
    /// each compiled version of a method (tier 0, tier 1, on-stack replacement) has its own call-stack node, but it is one
    /// site to the user, and unmerged copies would push real sites out of the list.
    /// </summary>
    /// <param name="read">The frames of an interned stack, root first (<see cref="ManagedStackReader.Read(CallStackIndex)"/>).</param>
    public IReadOnlyList<AllocationSite> Top(Func<CallStackIndex, IReadOnlyList<StackFrame>> read) =>
    [
        .. _sites
            .Select(pair => (pair.Key.Type, Stack: read(pair.Key.Stack), Total: pair.Value))
            .GroupBy(site => (site.Type, Functions: string.Join('\n', site.Stack.Select(static f => $"{f.Module}!{f.Name}"))))
            .Select(static merged => new AllocationSite
            {
                Type = merged.Key.Type,
                Bytes = Math.Round(merged.Sum(static s => s.Total.Bytes)),
                Count = merged.Sum(static s => s.Total.Count),
                Stack = merged.First().Stack,
            })
            .OrderByDescending(static site => site.Bytes)
            .Take(MaxSites),
    ];
}
