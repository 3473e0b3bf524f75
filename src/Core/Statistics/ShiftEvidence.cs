namespace RustScope.Core.Statistics;

/// <summary>What a two-sample test says about the shift of head against the baseline, on the analysis scale (log or raw).</summary>
/// <param name="Test">The test's name (<see cref="TestNames"/>).</param>
/// <param name="PValues">One-sided p-values; <c>Greater</c> means head is larger.</param>
/// <param name="Interval">The shift estimate and its interval.</param>
/// <param name="EquivalencePValue">TOST p-value against the margin, null without a margin.</param>
/// <param name="PooledSd">Root mean square of the two sample standard deviations, for the runs-needed estimate.</param>
internal readonly record struct ShiftEvidence(string Test, PValues PValues, ShiftInterval Interval, double? EquivalencePValue, double PooledSd);
