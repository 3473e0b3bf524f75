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

    public IReadOnlyList<AllocationSite> Top(ManagedStackReader stacks) =>
    [
        .. _sites
            .OrderByDescending(pair => pair.Value.Bytes)
            .Take(MaxSites)
            .Select(pair => new AllocationSite { Type = pair.Key.Type, Bytes = Math.Round(pair.Value.Bytes), Count = pair.Value.Count, Stack = stacks.Read(pair.Key.Stack) }),
    ];
}
