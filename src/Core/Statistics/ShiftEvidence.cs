namespace RustScope.Core.Statistics;

/// <summary>What a two-sample test says about the shift of head against the baseline, on the analysis scale (log or raw).</summary>
/// <param name="Test">The test's name (<see cref="TestNames"/>).</param>
/// <param name="PValues">One-sided p-values; <c>Greater</c> means head is larger.</param>
/// <param name="Interval">The shift estimate and its interval.</param>
/// <param name="EquivalencePValue">TOST p-value against the margin, null without a margin.</param>
/// <param name="PooledSd">The spread of one independent sample for the runs-needed estimate: the root mean square of the two sample standard deviations (inflated for autocorrelated values, the differences' over √2 for pairs).</param>
internal readonly record struct ShiftEvidence(string Test, PValues PValues, ShiftInterval Interval, double? EquivalencePValue, double PooledSd);
