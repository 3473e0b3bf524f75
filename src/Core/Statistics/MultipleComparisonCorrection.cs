namespace RustScope.Core.Statistics;

/// <summary>How p-values are corrected across every metric compared in one run.</summary>
public enum MultipleComparisonCorrection
{
    /// <summary>Holm's step-down method: bounds the chance of any false alarm in the run (family-wise error).</summary>
    Holm,

    /// <summary>Benjamini-Hochberg: bounds the expected share of false alarms among the alarms (false-discovery rate).</summary>
    BenjaminiHochberg,
}
