using System.Globalization;
using RustScope.Core.Model;

namespace RustScope.Collectors.Native;

/// <summary>Turns the rebuilt heap into the session's parts: the named top sites, the leaks as memory events, the lifetimes.</summary>
internal static class NativeAllocationReport
{
    /// <summary>How many sites each ranking (bytes, count, leaked bytes, bytes live at the peak) keeps.</summary>
    public const int TopSites = 50;

    public static (NativeAllocationProfile Profile, IReadOnlyList<MemoryEvent> Leaks) Build(NativeHeap heap, Func<long, long> unixMs)
    {
        var symbolizer = new NativeSymbolizer();
        var merged = new Dictionary<string, MergedSite>(StringComparer.Ordinal);
        foreach (var site in heap.Sites)
        {
            var frames = site.Frames.Select(address => symbolizer.Resolve(site.Space, address)).ToArray();
            // The allocating call by its address (two mallocs of one function stay apart), its callers by name.
            var key = string.Join('\n', frames.Select((f, i) => i == 0 && f.Address is { } a ? $"{f.Path}@{a}" : $"{f.Module}!{f.Name}"));
            if (!merged.TryGetValue(key, out var entry))
            {
                entry = new MergedSite(frames);
                merged[key] = entry;
            }

            entry.Add(site);
        }

        var all = merged.Values.ToList();
        var chosen = all.OrderByDescending(static s => s.Bytes).Take(TopSites)
            .Union(all.OrderByDescending(static s => s.Count).Take(TopSites))
            .Union(all.Where(static s => s.LeakedBytes > 0).OrderByDescending(static s => s.LeakedBytes).Take(TopSites))
            .Union(all.Where(static s => s.PeakLiveBytes > 0).OrderByDescending(static s => s.PeakLiveBytes).Take(TopSites))
            .OrderByDescending(static s => s.Bytes).ThenByDescending(static s => s.Count)
            .ToList();
        Locate(chosen, symbolizer);

        var sites = chosen.Select(static s => new NativeAllocationSite
        {
            Function = s.Frames[0].Name,
            Module = s.Frames[0].Module,
            Location = s.Location,
            Bytes = s.Bytes,
            Count = s.Count,
            LeakedBytes = s.LeakedBytes,
            LeakedBlocks = s.LeakedBlocks,
            PeakLiveBytes = s.PeakLiveBytes,
            Stack = [.. s.Frames.Reverse().Select(static f => new StackFrame { Name = f.Name, Module = f.Module })],
        }).ToList();
        var profile = new NativeAllocationProfile
        {
            AllocatedBytes = heap.AllocatedBytes,
            Allocations = heap.Allocations,
            Frees = heap.Frees,
            PeakLiveBytes = heap.PeakLiveBytes,
            PeakTs = heap.PeakLiveBytes > 0 ? unixMs(heap.PeakNs) : null,
            LeakedBytes = all.Sum(static s => s.LeakedBytes),
            LeakedBlocks = all.Sum(static s => s.LeakedBlocks),
            Dropped = heap.Spaces.Sum(static s => s.Dropped),
            Processes = heap.Spaces.Count,
            Sites = sites,
            Lifetimes = new LifetimeHistogram
            {
                Buckets = [.. heap.LifetimeBlocks.Select((blocks, i) => new LifetimeBucket
                {
                    UpToMs = i < NativeHeap.LifetimeBoundsMs.Length ? NativeHeap.LifetimeBoundsMs[i] : null,
                    Blocks = blocks,
                    Bytes = heap.LifetimeBytes[i],
                })],
                NeverFreedBlocks = all.Sum(static s => s.LeakedBlocks),
                NeverFreedBytes = all.Sum(static s => s.LeakedBytes),
            },
        };
        var leaks = chosen.Where(static s => s.LeakedBytes > 0).OrderByDescending(static s => s.LeakedBytes)
            .Select(s => new MemoryEvent
            {
                Ts = unixMs(s.LastNs),
                Type = "leak",
                Location = string.Create(CultureInfo.InvariantCulture,
                    $"{s.LeakedBytes} bytes in {s.LeakedBlocks} blocks never freed, allocated at {s.Frames[0].Name}{(s.Location is { } l ? $" ({l})" : "")}{(s.Frames[0].Module is { } m ? $" in {m}" : "")}"),
                DeltaMb = Math.Round(s.LeakedBytes / 1e6, 6),
            })
            .ToList();
        return (profile, leaks);
    }

    // addr2line once per file with line tables, for the allocating call of every chosen site.
    private static void Locate(IReadOnlyList<MergedSite> sites, NativeSymbolizer symbolizer)
    {
        foreach (var file in sites.Where(s => s.Frames[0] is { Path: { } path, Address: not null } && symbolizer.Image(path)?.HasLineInfo == true)
                     .GroupBy(static s => s.Frames[0].Path!))
        {
            var group = file.ToList();
            var locations = LineResolver.Resolve(file.Key, [.. group.Select(static s => s.Frames[0].Address!.Value)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Location = locations[i];
            }
        }
    }
}
