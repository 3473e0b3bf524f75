namespace RustScope.Core.Statistics;

/// <summary>How the Mann-Whitney p-value is computed.</summary>
internal enum MannWhitneyMethod
{
    /// <summary>Exact when there are no ties and m·n ≤ <see cref="MannWhitneyDistribution.MaxExactProduct"/>, else normal.</summary>
    Auto,

    /// <summary>The exact permutation distribution (valid without ties).</summary>
    Exact,

    /// <summary>The normal approximation with tie and continuity corrections.</summary>
    Normal,
}
