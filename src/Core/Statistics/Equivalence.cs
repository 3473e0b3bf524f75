namespace RustScope.Core.Statistics;

/// <summary>
/// Two one-sided tests (TOST, Schuirmann 1987): the shift of a second sample against a first lies inside
/// (−margin, +margin) when both "shift ≤ −margin" and "shift ≥ +margin" are rejected.
/// </summary>
internal static class Equivalence
{
    /// <summary>The TOST p-value (the larger of the two one-sided ones) under <paramref name="test"/>.</summary>
    public static double Tost(IReadOnlyList<double> first, IReadOnlyList<double> second, double margin, Func<IReadOnlyList<double>, IReadOnlyList<double>, PValues> test)
    {
        var raisedByMargin = second.Select(value => value + margin).ToArray();
        var loweredByMargin = second.Select(value => value - margin).ToArray();
        return Math.Max(test(first, raisedByMargin).Greater, test(first, loweredByMargin).Less);
    }
}
