namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>
/// Finds the steps in a metric's history with E-divisive means (Matteson and James 2014), the method of MongoDB's
/// signal-processing-algorithms and Hunter: the split that most separates the distributions on either side
/// (energy distance, exponent 1) is tested by permutation, accepted when its p-value is at or below alpha, and the
/// search repeats on the levels it leaves until a test fails. Distribution-free, and deterministic for a seed.
/// </summary>
public static class ChangePointDetector
{
    /// <summary>
    /// The steps in <paramref name="series"/> (oldest point first), in the order of the series, each with the first
    /// commit of its new level, its size relative to the level before with an interval, and its permutation p-value.
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IReadOnlyList<ChangePoint> Detect(IReadOnlyList<TrendPoint> series, ChangePointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= ChangePointOptions.Default;
        Validate(options);
        var values = new double[series.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = series[i].Value;
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"the value at {series[i].Commit} (point {i}) is {values[i]}; a trend needs finite values", nameof(series));
            }
        }

        var found = new List<(int Index, double PValue)>();
        foreach (var (index, pValue) in Search(Normalised(values), options))
        {
            found.Add((index, pValue));
        }

        found.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        var changes = new List<ChangePoint>(found.Count);
        for (var c = 0; c < found.Count; c++)
        {
            var start = c == 0 ? 0 : found[c - 1].Index;
            var end = c == found.Count - 1 ? values.Length : found[c + 1].Index;
            var index = found[c].Index;
            var before = values.AsSpan(start, index - start).ToArray();
            var after = values.AsSpan(index, end - index).ToArray();
            var step = StepSize.Relative(before[^Math.Min(before.Length, StepSize.Window)..], after[..Math.Min(after.Length, StepSize.Window)], options.ConfidenceLevel);
            changes.Add(new ChangePoint(index, series[index].Commit, Medians.Of(before), Medians.Of(after),
                step.Estimate, step.Low, step.High, found[c].PValue));
        }

        return changes;
    }

    // E-divisive's loop: the segment with the largest Q is tested against the permutation maxima over all segments.
    private static IEnumerable<(int Index, double PValue)> Search(double[] values, ChangePointOptions options)
    {
        if (values.Length < 2 * options.MinSegment)
        {
            yield break;
        }

        var scan = new EnergyScan(values.Length);
        var segments = new List<Segment> { Segment.Of(values, 0, values.Length, options, scan) };
        // Besag and Clifford (1991): once this many permutations reach the observed Q, p exceeds alpha whatever follows.
        var enough = (int)Math.Floor(options.Alpha * (options.Permutations + 1));
        while (true)
        {
            var best = segments.MaxBy(static s => s.Q)!;
            if (best.Split < 0 || !(best.Q > 0))
            {
                yield break;
            }

            var atLeast = 0;
            for (var r = 0; r < options.Permutations && atLeast < enough; r++)
            {
                var permutedMax = double.NegativeInfinity;
                foreach (var segment in segments)
                {
                    permutedMax = Math.Max(permutedMax, segment.Permuted(r, scan));
                }

                if (permutedMax >= best.Q)
                {
                    atLeast++;
                }
            }

            var pValue = (atLeast + 1.0) / (options.Permutations + 1);
            if (pValue > options.Alpha)
            {
                yield break;
            }

            yield return (best.Split, pValue);
            segments.Remove(best);
            segments.Add(Segment.Of(values, best.Start, best.Split - best.Start, options, scan));
            segments.Add(Segment.Of(values, best.Split, best.Start + best.Length - best.Split, options, scan));
        }
    }

    // Q is scale-equivariant and the test scale-free: centring and scaling keeps the running sums of nanosecond values
    // from losing digits. A constant series has no steps (an empty copy ends the search).
    private static double[] Normalised(double[] values)
    {
        if (values.Length == 0)
        {
            return values;
        }

        double min = values.Min(), max = values.Max();
        if (min == max)
        {
            return [];
        }

        var mean = values.Average();
        return [.. values.Select(v => (v - mean) / (max - min))];
    }

    private static void Validate(ChangePointOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Alpha);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.Alpha, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Permutations);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSegment, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ConfidenceLevel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.ConfidenceLevel, 1);
    }
}
