namespace RustScope.Core.Statistics;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny generator whose output is fixed by its seed on every runtime,
/// unlike <see cref="Random"/> whose algorithm .NET may change, so bootstrap intervals are reproducible for good.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An index in [0, <paramref name="count"/>); the modulo bias is below 2^-50 for any sample size here.</summary>
    public int NextIndex(int count) => (int)(Next() % (ulong)count);
}
