namespace RustScope.Core.Metrics;

/// <summary>What a budget value measures, from its unit.</summary>
public enum QuantityKind
{
    /// <summary>A plain number (counts, alpha, runs).</summary>
    Number,

    /// <summary>A duration, in nanoseconds.</summary>
    Time,

    /// <summary>A size, in bytes.</summary>
    Bytes,

    /// <summary>A percentage, in percent (5% is 5).</summary>
    Percent,
}
