namespace RustScope.Profiling.Recording;

/// <summary>
/// A fixed-memory log-linear histogram of nanosecond durations: 16 linear sub-buckets per power of two, so any
/// percentile is within about 6 % of the true value whatever the number of calls, in 64 × 16 counters.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 4;
    private const int SubBuckets = 1 << SubBucketBits;
    private readonly long[] _counts = new long[64 * SubBuckets];

    public void Record(long nanoseconds) => _counts[Index(Math.Max(0, nanoseconds))]++;

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1): the midpoint of the bucket it falls in.</summary>
    public double Percentile(double q, long total)
    {
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(rank, 1))
            {
                return Midpoint(i);
            }
        }

        return Midpoint(_counts.Length - 1);
    }

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
        var low = (double)(SubBuckets + sub) * Math.Pow(2, exponent - SubBucketBits);
        var width = Math.Pow(2, exponent - SubBucketBits);
        return low + (width / 2);
    }
}
