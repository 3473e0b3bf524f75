namespace RustScope.Collectors.Native;

/// <summary>Sites of every image with the same named stack (fork children run the same code), summed.</summary>
internal sealed class MergedSite(IReadOnlyList<ResolvedFrame> frames)
{
    /// <summary>Innermost first.</summary>
    public IReadOnlyList<ResolvedFrame> Frames { get; } = frames;

    public long Bytes { get; set; }

    public long Count { get; set; }

    public long LeakedBytes { get; set; }

    public long LeakedBlocks { get; set; }

    public long PeakLiveBytes { get; set; }

    /// <summary>When the last image holding a leak of this site ended, monotonic nanoseconds.</summary>
    public long LastNs { get; set; }

    public string? Location { get; set; }

    public void Add(NativeSite site)
    {
        Bytes += site.Bytes;
        Count += site.Count;
        LeakedBytes += site.LeakedBytes;
        LeakedBlocks += site.LeakedBlocks;
        PeakLiveBytes += site.PeakLiveBytes;
        LastNs = site.LeakedBlocks > 0 ? Math.Max(LastNs, site.Space.LastNs) : LastNs;
    }
}
