namespace RustScope.Core.Statistics;

/// <summary>
/// Welford's running mean and variance: one pass, constant memory, and no catastrophic cancellation
/// (a naive sum of squares loses every digit when the mean is large next to the spread, as with timestamps in ns).
/// </summary>
internal sealed class Welford
{
    private double _mean;
    private double _sumOfSquaredDeviations;

    /// <summary>Values added so far.</summary>
    public long Count { get; private set; }

    /// <summary>The mean, NaN before the first value.</summary>
    public double Mean => Count == 0 ? double.NaN : _mean;

    /// <summary>The sample variance (n - 1 denominator), NaN below two values.</summary>
    public double Variance => Count < 2 ? double.NaN : _sumOfSquaredDeviations / (Count - 1);

    /// <summary>The sample standard deviation, NaN below two values.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds one value.</summary>
    public void Add(double value)
    {
        Count++;
        var delta = value - _mean;
        _mean += delta / Count;
        _sumOfSquaredDeviations += delta * (value - _mean);
    }

    /// <summary>The running statistics of a whole sample.</summary>
    public static Welford Of(IEnumerable<double> values)
    {
        var welford = new Welford();
        foreach (var value in values)
        {
            welford.Add(value);
        }

        return welford;
    }
}
