namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>One step found in a metric's history.</summary>
/// <param name="Index">The index in the series of the first point of the new level.</param>
/// <param name="Commit">The first commit of the new level (the commit that stepped).</param>
/// <param name="Before">The median of the level before the step (from the previous step, or the start).</param>
/// <param name="After">The median of the level after the step (up to the next step, or the end).</param>
/// <param name="RelativeChange">
/// The step's size relative to the level before: +0.05 is 5 % higher. The Hodges-Lehmann ratio of the points on either
/// side (up to 100 each, those nearest the step), so it may differ slightly from <paramref name="After"/> /
/// <paramref name="Before"/> − 1.
/// </param>
/// <param name="RelativeChangeLow">Lower bound of the step's confidence interval, relative like <paramref name="RelativeChange"/>.</param>
/// <param name="RelativeChangeHigh">Upper bound of the step's confidence interval.</param>
/// <param name="PValue">How sure the step is: the permutation p-value of the test that accepted it (smaller is surer).</param>
public sealed record ChangePoint(int Index, string Commit, double Before, double After,
    double RelativeChange, double RelativeChangeLow, double RelativeChangeHigh, double PValue);
