namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>
/// One level between found steps: its best split, and the best Q of each permutation of its points. A segment's
/// permutations never change once drawn, so after a split only the two new segments are scanned again.
/// </summary>
internal sealed class Segment
{
    private Segment(int start, int length, int split, double q, double[] permuted)
    {
        Start = start;
        Length = length;
        Split = split;
        Q = q;
        Permuted = permuted;
    }

    /// <summary>Index of the segment's first point in the series.</summary>
    public int Start { get; }

    /// <summary>How many points the segment holds.</summary>
    public int Length { get; }

    /// <summary>The best split, as an index into the series; −1 when the segment is too short to split.</summary>
    public int Split { get; }

    /// <summary>Q at the best split; −∞ when there is none.</summary>
    public double Q { get; }

    /// <summary>The best Q of each permutation of the segment's points (−∞ for a segment too short to split).</summary>
    public double[] Permuted { get; }

    /// <summary>
    /// Scans <paramref name="values"/>[start, start + length) and the options' number of shuffles of it. The shuffles
    /// are seeded from the options' seed and the segment's place, so they do not depend on the order in which segments
    /// are scanned.
    /// </summary>
    public static Segment Scan(double[] values, int start, int length, ChangePointOptions options, EnergyScan scan)
    {
        var permuted = new double[options.Permutations];
        if (length < 2 * options.MinSegment)
        {
            Array.Fill(permuted, double.NegativeInfinity);
            return new Segment(start, length, -1, double.NegativeInfinity, permuted);
        }

        var points = values.AsSpan(start, length).ToArray();
        var ranks = Ranks(points);
        var (split, q) = scan.Best(points, ranks, options.MinSegment);
        var random = new SplitMix64(unchecked((ulong)options.Seed * 0x9E3779B97F4A7C15UL ^ ((ulong)start << 32) ^ (ulong)length));
        for (var r = 0; r < permuted.Length; r++)
        {
            Shuffle(points, ranks, random);
            permuted[r] = scan.Best(points, ranks, options.MinSegment).Q;
        }

        return new Segment(start, length, start + split, q, permuted);
    }

    private static int[] Ranks(double[] points)
    {
        var order = new int[points.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(points.ToArray(), order);
        var ranks = new int[points.Length];
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }

        return ranks;
    }

    // Fisher-Yates, moving each value with its rank.
    private static void Shuffle(double[] points, int[] ranks, SplitMix64 random)
    {
        for (var i = points.Length - 1; i > 0; i--)
        {
            var j = random.NextIndex(i + 1);
            (points[i], points[j]) = (points[j], points[i]);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }
    }
}
