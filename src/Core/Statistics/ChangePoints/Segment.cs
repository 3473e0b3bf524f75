namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>
/// One level between found steps: its best split, and the best Q of each permutation of its points, drawn when first
/// asked for. A segment's permutations never change once drawn, so after a split only the two new segments are scanned,
/// and a test that fails early (Besag and Clifford 1991) never draws the rest.
/// </summary>
internal sealed class Segment
{
    private readonly double[] _points;
    private readonly int[] _ranks;
    private readonly double[] _toAll;
    private readonly int _minSegment;
    private readonly SplitMix64 _random;
    private readonly List<double> _permuted = [];

    private Segment(int start, double[] points, int minSegment, ulong seed, EnergyScan scan)
    {
        Start = start;
        _points = points;
        _minSegment = minSegment;
        _ranks = Ranks(points);
        _toAll = EnergyScan.DistancesToAll(points, _ranks);
        var (split, q) = scan.Best(_points, _ranks, _toAll, minSegment);
        Split = split < 0 ? -1 : start + split;
        Q = q;
        _random = new SplitMix64(seed);
    }

    /// <summary>Index of the segment's first point in the series.</summary>
    public int Start { get; }

    /// <summary>How many points the segment holds.</summary>
    public int Length => _points.Length;

    /// <summary>The best split, as an index into the series; −1 when the segment is too short to split.</summary>
    public int Split { get; }

    /// <summary>Q at the best split; −∞ when there is none.</summary>
    public double Q { get; }

    /// <summary>
    /// The segment <paramref name="values"/>[start, start + length). Its shuffles are seeded from the options' seed and
    /// the segment's place, so they do not depend on the order in which segments are made or asked.
    /// </summary>
    public static Segment Of(double[] values, int start, int length, ChangePointOptions options, EnergyScan scan) =>
        new(start, values.AsSpan(start, length).ToArray(), options.MinSegment,
            unchecked(((ulong)options.Seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)start << 32) ^ (ulong)length), scan);

    /// <summary>The best Q of the segment's permutation number <paramref name="r"/> (−∞ for a segment too short to split).</summary>
    public double Permuted(int r, EnergyScan scan)
    {
        if (Split < 0)
        {
            return double.NegativeInfinity;
        }

        while (_permuted.Count <= r)
        {
            Shuffle();
            _permuted.Add(scan.Best(_points, _ranks, _toAll, _minSegment).Q);
        }

        return _permuted[r];
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

    // Fisher-Yates, moving each value with its rank and its distance to all.
    private void Shuffle()
    {
        for (var i = _points.Length - 1; i > 0; i--)
        {
            var j = _random.NextIndex(i + 1);
            (_points[i], _points[j]) = (_points[j], _points[i]);
            (_ranks[i], _ranks[j]) = (_ranks[j], _ranks[i]);
            (_toAll[i], _toAll[j]) = (_toAll[j], _toAll[i]);
        }
    }
}
