namespace RustScope.Core.Model;

/// <summary>Freed blocks whose lifetime was at most <see cref="UpToMs"/> (and above the previous bucket's bound).</summary>
public sealed record LifetimeBucket
{
    /// <summary>The bucket's upper bound in milliseconds; null for the last bucket, which has none.</summary>
    public double? UpToMs { get; init; }

    /// <summary>Blocks freed after a lifetime in this bucket.</summary>
    public required long Blocks { get; init; }

    /// <summary>Their bytes.</summary>
    public required long Bytes { get; init; }
}
