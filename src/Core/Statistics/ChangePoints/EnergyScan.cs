namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>
/// The divergence statistic of E-divisive means (Matteson and James 2014, exponent α = 1) for every split of a segment
/// into a left part [0, τ) and a right part [τ, n):
/// Q(τ) = m·k/(m+k) · (2/(m·k) Σ|xᵢ−yⱼ| − C(m,2)⁻¹ Σ|xᵢ−xⱼ| − C(k,2)⁻¹ Σ|yᵢ−yⱼ|), with m = τ and k = n − τ.
/// In one dimension the within-part sums grow by one point at a time through <see cref="RankSums"/>, so a scan costs
/// O(n log n) rather than the O(n²) of a distance matrix, which is what makes a permutation test over 1,000 commits cheap.
/// </summary>
internal sealed class EnergyScan(int capacity)
{
    private readonly RankSums _tree = new(capacity);
    private readonly double[] _left = new double[capacity + 1];
    private readonly double[] _right = new double[capacity + 1];

    /// <summary>
    /// The split τ in [<paramref name="minSegment"/>, n − <paramref name="minSegment"/>] with the largest Q, and that Q;
    /// (−1, −∞) when the segment is too short to split. <paramref name="ranks"/> orders <paramref name="values"/> (distinct
    /// ranks 0 to n − 1; ties in any order, their distance is 0 either way).
    /// </summary>
    public (int Split, double Q) Best(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, int minSegment)
    {
        var n = values.Length;
        var best = (Split: -1, Q: double.NegativeInfinity);
        if (n < 2 * minSegment)
        {
            return best;
        }

        WithinSums(values, ranks);
        var total = _left[n];
        for (var split = minSegment; split <= n - minSegment; split++)
        {
            var q = Q(split, n, _left[split], _right[split], total);
            if (q > best.Q)
            {
                best = (split, q);
            }
        }

        return best;
    }

    /// <summary>Q at every split τ from 2 to n − 2 (index τ; other entries NaN), for tests against the direct formula.</summary>
    public double[] All(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks)
    {
        var n = values.Length;
        WithinSums(values, ranks);
        var all = new double[n + 1];
        Array.Fill(all, double.NaN);
        for (var split = 2; split <= n - 2; split++)
        {
            all[split] = Q(split, n, _left[split], _right[split], _left[n]);
        }

        return all;
    }

    private static double Q(int m, int n, double left, double right, double total)
    {
        var k = n - m;
        var cross = total - left - right;
        var divergence = (2 * cross / ((double)m * k)) - (left / (m * (m - 1) / 2.0)) - (right / (k * (k - 1) / 2.0));
        return (double)m * k / n * divergence;
    }

    // _left[τ]: Σ|xᵢ−xⱼ| over i < j < τ; _right[τ]: over τ ≤ i < j < n. The pairs across τ are the total less both.
    private void WithinSums(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks)
    {
        var n = values.Length;
        _tree.Reset(n);
        _left[0] = 0;
        var sum = 0.0;
        for (var t = 0; t < n; t++)
        {
            _left[t + 1] = _left[t] + Distances(values[t], ranks[t], t, sum);
            _tree.Add(ranks[t], values[t]);
            sum += values[t];
        }

        _tree.Reset(n);
        _right[n] = 0;
        sum = 0.0;
        for (var t = n - 1; t >= 0; t--)
        {
            _right[t] = _right[t + 1] + Distances(values[t], ranks[t], n - 1 - t, sum);
            _tree.Add(ranks[t], values[t]);
            sum += values[t];
        }
    }

    // Σ|x − y| over the `count` values already in the tree, whose sum is `sum`: below x they add x − y, above y − x.
    private double Distances(double x, int rank, int count, double sum)
    {
        var (below, belowSum) = _tree.Below(rank);
        return (x * below) - belowSum + (sum - belowSum) - (x * (count - below));
    }
}
