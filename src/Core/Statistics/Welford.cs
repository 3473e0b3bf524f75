namespace RustScope.Core.Statistics;

/// <summary>
/// Welford's running mean and variance: one pass, constant memory, and no catastrophic cancellation
/// (a naive sum of squares loses every digit when the mean is large next to the spread, as with timestamps in ns).
/// A value, not an object: a comparison of 70 000 metrics takes a dozen of them each.
/// </summary>
internal struct Welford
{
    private double _mean;
    private double _sumOfSquaredDeviations;

    /// <summary>Values added so far.</summary>
    public long Count { readonly get; private set; }

    /// <summary>The mean, NaN before the first value.</summary>
    public readonly double Mean => Count == 0 ? double.NaN : _mean;

    /// <summary>The sample variance (n - 1 denominator), NaN below two values.</summary>
    public readonly double Variance => Count < 2 ? double.NaN : _sumOfSquaredDeviations / (Count - 1);

    /// <summary>The sample standard deviation, NaN below two values.</summary>
    public readonly double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        var delta = value - _mean;
        _mean += delta / Count;
        _sumOfSquaredDeviations += delta * (value - _mean);
    }

    /// <summary>The running statistics of a whole sample.</summary>
    public static Welford Of(IReadOnlyList<double> values)
    {
        // By index: an enumerator would be one more object and two interface calls a value.
        var welford = new Welford();
        for (var i = 0; i < values.Count; i++)
        {
            welford.Add(values[i]);
        }

        return welford;
    }
}
