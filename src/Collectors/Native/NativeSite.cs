namespace RustScope.Collectors.Native;

/// <summary>One distinct allocating stack of one address space, with its running totals.</summary>
/// <param name="space">The address space the caller addresses belong to.</param>
/// <param name="frames">Caller addresses, innermost first.</param>
internal sealed class NativeSite(AddressSpace space, ulong[] frames)
{
    public AddressSpace Space { get; } = space;

    public ulong[] Frames { get; } = frames;

    public long Bytes { get; set; }

    public long Count { get; set; }

    public long LiveBytes { get; set; }

    public long LiveBlocks { get; set; }

    /// <summary>The site's live bytes when the tree's live bytes last peaked.</summary>
    public long PeakLiveBytes { get; set; }

    public long LeakedBytes { get; set; }

    public long LeakedBlocks { get; set; }
}
