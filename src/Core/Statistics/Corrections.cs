namespace RustScope.Core.Statistics;

/// <summary>Multiple-comparison adjusted p-values, defined as R's <c>p.adjust</c> defines them.</summary>
internal static class Corrections
{
    /// <summary>Holm's step-down adjustment: controls the family-wise error rate under any dependence.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var order = AscendingOrder(pValues);
        var m = pValues.Count;
        var adjusted = new double[m];
        double running = 0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini-Hochberg's step-up adjustment: controls the false-discovery rate for independent or positively dependent tests.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var order = AscendingOrder(pValues);
        var m = pValues.Count;
        var adjusted = new double[m];
        double running = 1;
        for (var rank = order.Length - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, Math.Min(1, m / (rank + 1.0) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>Applies <paramref name="correction"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues, MultipleComparisonCorrection correction) => correction switch
    {
        MultipleComparisonCorrection.Holm => Holm(pValues),
        MultipleComparisonCorrection.BenjaminiHochberg => BenjaminiHochberg(pValues),
        _ => throw new ArgumentOutOfRangeException(nameof(correction), correction, "Unknown correction."),
    };

    private static int[] AscendingOrder(IReadOnlyList<double> pValues)
    {
        var values = pValues.ToArray();
        var order = Enumerable.Range(0, values.Length).ToArray();
        // Stable, so equal p-values keep their input order as R's order() does: ties broken by position.
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]) is var byValue and not 0 ? byValue : a.CompareTo(b));
        return order;
    }
}
