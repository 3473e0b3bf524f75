using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Sums sampled allocations per (type, stack) and reports the heaviest sites. Stacks are compared by reference:
/// TraceLog interns call stacks and <see cref="ManagedStackReader"/> caches one array per interned stack.
/// </summary>
internal sealed class AllocationTable
{
    public const int MaxSites = 100;
    private readonly Dictionary<(string Type, IReadOnlyList<StackFrame> Stack), AllocationTotal> _sites = [];

    public void Add(string type, IReadOnlyList<StackFrame> stack, double bytes)
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

    public IReadOnlyList<AllocationSite> Top() =>
    [
        .. _sites
            .OrderByDescending(pair => pair.Value.Bytes)
            .Take(MaxSites)
            .Select(pair => new AllocationSite { Type = pair.Key.Type, Bytes = Math.Round(pair.Value.Bytes), Count = pair.Value.Count, Stack = pair.Key.Stack }),
    ];
}
