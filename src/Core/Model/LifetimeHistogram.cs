namespace RustScope.Core.Model;

/// <summary>
/// How long native blocks lived, from allocation to free: short-lived churn against long-lived memory. Times have the
/// resolution of the shim's clock (a few milliseconds).
/// </summary>
public sealed record LifetimeHistogram
{
    /// <summary>Freed blocks by lifetime, shortest first; the last bucket (no upper bound) holds the longest-lived.</summary>
    public IReadOnlyList<LifetimeBucket> Buckets { get => field ?? []; init; }

    /// <summary>Blocks never freed before their process exited.</summary>
    public long NeverFreedBlocks { get; init; }

    /// <summary>Bytes of the blocks never freed before their process exited.</summary>
    public long NeverFreedBytes { get; init; }
}
