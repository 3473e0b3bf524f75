namespace RustScope.Core.Statistics;

/// <summary>Which condition of a decided verdict an Inconclusive metric failed; reports turn it into words.</summary>
public enum InconclusiveCause
{
    /// <summary>A side has a single value, so its noise is unknown and no test can run.</summary>
    SingleValue,

    /// <summary>The interval reaches across the threshold: the noise is too large for the runs at hand.</summary>
    SpansThreshold,

    /// <summary>The interval lies beyond the threshold, but the corrected p-value is not below alpha.</summary>
    NotSignificant,

    /// <summary>The interval lies inside ± the threshold, but the equivalence test is not significant at alpha.</summary>
    EquivalenceNotShown,

    /// <summary>
    /// An end of the interval lies on the threshold (within <see cref="ThresholdCheck.Tolerance"/>): the change is at it,
    /// which is neither beyond it nor inside it.
    /// </summary>
    AtThreshold,
}
