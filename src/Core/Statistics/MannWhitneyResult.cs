namespace RustScope.Core.Statistics;

/// <summary>The outcome of a Mann-Whitney U test of a second sample against a first.</summary>
/// <param name="U">U of the second sample: pairs (first, second) with second larger, ties counting one half.</param>
/// <param name="PValues">One- and two-sided p-values; <c>Greater</c> means "the second sample tends to be larger".</param>
/// <param name="Method">The method actually used (never <see cref="MannWhitneyMethod.Auto"/>).</param>
internal readonly record struct MannWhitneyResult(double U, PValues PValues, MannWhitneyMethod Method);
