using System.Runtime.CompilerServices;

namespace RustScope.Profiling.Recording;

/// <summary>
/// A fixed-memory log-linear histogram of durations in <see cref="CallClock"/> ticks: 16 linear sub-buckets per power
/// of two, so any percentile is within about 6 % of the true value whatever the number of calls. Durations from 0 to
/// 2^42 ticks (half an hour on a 2.3 GHz time-stamp counter) get their own buckets, 624 counters; longer ones share the top bucket (the
/// exact maximum is kept beside it).
/// </summary>
internal struct LatencyHistogram
{
    public const int Buckets = ((MaxExponent - SubBucketBits + 1) * SubBuckets) + SubBuckets;
    private const int SubBucketBits = 4;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int MaxExponent = 41;
    private const long Largest = (1L << (MaxExponent + 1)) - 1;
    private HistogramCounts _counts;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Record(long ticks) => _counts[Index(Math.Clamp(ticks, 0, Largest))]++;

    public void Add(in LatencyHistogram other)
    {
        for (var i = 0; i < Buckets; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>
    /// The value at quantile <paramref name="q"/> (0..1), in ticks: the midpoint of the bucket it falls in. The rank
    /// comes from the histogram's own count, which a concurrent reader sees consistently with the buckets it sums.
    /// </summary>
    public readonly double Percentile(double q)
    {
        long total = 0;
        for (var i = 0; i < Buckets; i++)
        {
            total += _counts[i];
        }

        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Max((long)Math.Ceiling(q * total), 1);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Midpoint(i);
            }
        }

        return Midpoint(Buckets - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Index(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(value);
        var sub = (int)(value >> (exponent - SubBucketBits)) & (SubBuckets - 1);
        return ((exponent - SubBucketBits + 1) * SubBuckets) + sub;
    }

    private static double Midpoint(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var exponent = (index / SubBuckets) + SubBucketBits - 1;
        var sub = index % SubBuckets;
        var width = Math.Pow(2, exponent - SubBucketBits);
        return ((SubBuckets + sub) * width) + (width / 2);
    }
}
