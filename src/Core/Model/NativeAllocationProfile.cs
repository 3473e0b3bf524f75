namespace RustScope.Core.Model;

/// <summary>
/// What the allocation shim (<c>rustscope run --track-alloc</c>) saw of the C allocator (malloc, free, realloc and
/// their aligned forms) in every tracked process of the tree: totals, top sites, leaks at exit, the peak and lifetimes.
/// </summary>
public sealed record NativeAllocationProfile
{
    /// <summary>Bytes requested from the allocator, all tracked processes together.</summary>
    public required long AllocatedBytes { get; init; }

    /// <summary>Successful allocation calls (a realloc counts as a free and an allocation).</summary>
    public required long Allocations { get; init; }

    /// <summary>Frees of tracked blocks.</summary>
    public required long Frees { get; init; }

    /// <summary>The most bytes live at once across the tree.</summary>
    public required long PeakLiveBytes { get; init; }

    /// <summary>When <see cref="PeakLiveBytes"/> was reached, Unix epoch milliseconds.</summary>
    public long? PeakTs { get; init; }

    /// <summary>Bytes still allocated when their process exited, never freed.</summary>
    public required long LeakedBytes { get; init; }

    /// <summary>Blocks still allocated when their process exited.</summary>
    public required long LeakedBlocks { get; init; }

    /// <summary>
    /// Events (allocations and frees) the shim dropped because the pipe to RustScope was full; when not zero, totals,
    /// leaks and live bytes are incomplete (a dropped free can make a block look leaked).
    /// </summary>
    public required long Dropped { get; init; }

    /// <summary>Processes (program images, an exec starting a new one) that were tracked.</summary>
    public required int Processes { get; init; }

    /// <summary>
    /// The top allocation sites by bytes, by count and by leaked bytes (each list's first entries, together), largest
    /// by bytes first.
    /// </summary>
    public IReadOnlyList<NativeAllocationSite> Sites { get => field ?? []; init; }

    /// <summary>How long freed blocks lived, with the blocks never freed as the last bucket.</summary>
    public LifetimeHistogram? Lifetimes { get; init; }
}
