using System.Runtime.InteropServices;

namespace RustScope.Collectors.Native;

/// <summary>
/// The tree's C heap as the shim's events rebuild it: live blocks per address space, totals and live bytes per site,
/// the live-bytes curve, the peak (with each site's share at that moment) and block lifetimes.
/// </summary>
internal sealed class NativeHeap
{
    /// <summary>Upper bounds of the lifetime buckets in milliseconds; one more bucket holds the longer lifetimes.</summary>
    public static readonly double[] LifetimeBoundsMs = [10, 100, 1_000, 10_000];

    // A new peak is snapshotted (each site's live bytes) only once it exceeds the last snapshot by this share, so a
    // heap that grows with every allocation costs a bounded number of snapshots; the reported peak stays exact.
    private const double PeakSnapshotStep = 1.01;
    private const long CurvePointNs = 100_000_000;
    private readonly Dictionary<int, AddressSpace> _byPid = [];
    private readonly Dictionary<ulong[], NativeSite> _sites = new(FramesComparer.Instance);
    private readonly Dictionary<ulong[], NativeSite>.AlternateLookup<ReadOnlySpan<ulong>> _siteLookup;
    private readonly List<(long Ns, long LiveBytes)> _curve = [];
    private long _snapshotPeak;
    private bool _peakPending;

    public NativeHeap() => _siteLookup = _sites.GetAlternateLookup<ReadOnlySpan<ulong>>();

    public List<AddressSpace> Spaces { get; } = [];

    public IEnumerable<NativeSite> Sites => _sites.Values;

    public long AllocatedBytes { get; private set; }

    public long Allocations { get; private set; }

    public long Frees { get; private set; }

    public long LiveBytes { get; private set; }

    public long PeakLiveBytes { get; private set; }

    public long PeakNs { get; private set; }

    public long[] LifetimeBlocks { get; } = new long[LifetimeBoundsMs.Length + 1];

    public long[] LifetimeBytes { get; } = new long[LifetimeBoundsMs.Length + 1];

    /// <summary>Live bytes over time (monotonic nanoseconds), a point at most every 100 ms.</summary>
    public IReadOnlyList<(long Ns, long LiveBytes)> Curve => _curve;

    /// <summary>The address space a chunk of <paramref name="pid"/> belongs to: its latest image, made on first sight.</summary>
    public AddressSpace Space(int pid) => _byPid.TryGetValue(pid, out var space) ? space : Start(pid);

    /// <summary>A new image of <paramref name="pid"/>: an exec'd image's memory is gone with it, so it is not counted as leaked.</summary>
    public AddressSpace Start(int pid)
    {
        if (_byPid.TryGetValue(pid, out var previous))
        {
            SnapshotPeak();
            previous.Replaced = true;
            foreach (var block in previous.Live.Values.Concat(previous.Later.Values.SelectMany(static q => q)))
            {
                Release(block);
            }

            previous.Live.Clear();
            previous.Later.Clear();
        }

        var space = new AddressSpace(Spaces.Count, pid);
        Spaces.Add(space);
        _byPid[pid] = space;
        return space;
    }

    /// <summary>The site of a call stack: one per distinct stack of an address space, however many threads sent it.</summary>
    /// <param name="key">The address space id, then the caller addresses, innermost first.</param>
    public NativeSite Site(AddressSpace space, ReadOnlySpan<ulong> key)
    {
        if (!_siteLookup.TryGetValue(key, out var site))
        {
            site = new NativeSite(space, key[1..].ToArray());
            _siteLookup[key] = site;
        }

        return site;
    }

    public void Allocate(AddressSpace space, ulong address, long size, NativeSite site, long ns)
    {
        CountAllocation(site, size);
        if (space.EarlyFrees.Count > 0 && space.EarlyFrees.Remove(address, out var early))
        {
            // Its free came first (another thread's buffer was written sooner): made and freed within a moment.
            if (early > 1)
            {
                space.EarlyFrees[address] = early - 1;
            }

            CountFree(0, size);
            return;
        }

        var block = new LiveBlock(size, site, ns);
        ref var live = ref CollectionsMarshal.GetValueRefOrAddDefault(space.Live, address, out var taken);
        if (!taken)
        {
            live = block;
        }
        else
        {
            (space.Later.TryGetValue(address, out var queue) ? queue : space.Later[address] = new Queue<LiveBlock>()).Enqueue(block);
        }

        site.LiveBytes += size;
        site.LiveBlocks++;
        LiveBytes += size;
        if (LiveBytes > PeakLiveBytes)
        {
            PeakLiveBytes = LiveBytes;
            PeakNs = ns;
            _peakPending |= LiveBytes > _snapshotPeak * PeakSnapshotStep;
        }
    }

    /// <summary>
    /// A block freed by the very next event of its thread (the commonest pair of a malloc storm): the same figures as
    /// <see cref="Allocate"/> then <see cref="Free"/>, without adding it to the live blocks and taking it out again.
    /// </summary>
    public void AllocateFreed(AddressSpace space, ulong address, long size, NativeSite site, long ns)
    {
        // Another block at that address, frees waiting for their blocks, a new peak or one whose snapshot is due: the
        // general way.
        var live = LiveBytes + size;
        if (space.EarlyFrees.Count > 0 || live > PeakLiveBytes || (live == PeakLiveBytes && _peakPending) || space.Live.ContainsKey(address))
        {
            Allocate(space, address, size, site, ns);
            Free(space, address, ns);
            return;
        }

        CountAllocation(site, size);
        CountFree(0, size);
    }

    public void Free(AddressSpace space, ulong address, long ns)
    {
        if (!space.Live.Remove(address, out var block))
        {
            space.EarlyFrees[address] = space.EarlyFrees.GetValueOrDefault(address) + 1;
            return;
        }

        if (space.Later.Count > 0 && space.Later.TryGetValue(address, out var queue))
        {
            space.Live[address] = queue.Dequeue();
            if (queue.Count == 0)
            {
                space.Later.Remove(address);
            }
        }

        SnapshotPeak();
        CountFree(Math.Max(0, ns - block.MadeNs) / 1e6, block.Size);
        Release(block);
    }

    /// <summary>Called after each chunk: a point of the live-bytes curve when 100 ms have passed since the last one.</summary>
    public void Tick(long ns)
    {
        if (_curve.Count == 0 || ns - _curve[^1].Ns >= CurvePointNs)
        {
            _curve.Add((ns, LiveBytes));
        }
    }

    /// <summary>
    /// After the last event: the peak's snapshot if it is still pending, and the blocks of every process's last image,
    /// never freed, as its leaks.
    /// </summary>
    public void Finish()
    {
        SnapshotPeak();
        if (_curve.Count > 0)
        {
            _curve.Add((Math.Max(_curve[^1].Ns, Spaces.Max(static s => s.LastNs)), LiveBytes));
        }

        foreach (var space in Spaces.Where(static s => !s.Replaced))
        {
            foreach (var block in space.Live.Values.Concat(space.Later.Values.SelectMany(static q => q)))
            {
                block.Site.LeakedBytes += block.Size;
                block.Site.LeakedBlocks++;
            }
        }
    }

    // An allocation's part of the totals and of its site's, whether it is still live or already freed.
    private void CountAllocation(NativeSite site, long size)
    {
        AllocatedBytes += size;
        Allocations++;
        site.Bytes += size;
        site.Count++;
    }

    // A free, in the lifetime histogram of the block it ended.
    private void CountFree(double lifetimeMs, long size)
    {
        Frees++;
        var bucket = 0;
        while (bucket < LifetimeBoundsMs.Length && lifetimeMs > LifetimeBoundsMs[bucket])
        {
            bucket++;
        }

        LifetimeBlocks[bucket]++;
        LifetimeBytes[bucket] += size;
    }

    private void Release(LiveBlock block)
    {
        block.Site.LiveBytes -= block.Size;
        block.Site.LiveBlocks--;
        LiveBytes -= block.Size;
    }

    // Just before live bytes first drop below a new peak (or at the end), every site's live bytes are the peak's.
    private void SnapshotPeak()
    {
        if (!_peakPending || LiveBytes != PeakLiveBytes)
        {
            return;
        }

        foreach (var site in _sites.Values)
        {
            site.PeakLiveBytes = site.LiveBytes;
        }

        _snapshotPeak = PeakLiveBytes;
        _peakPending = false;
    }
}
