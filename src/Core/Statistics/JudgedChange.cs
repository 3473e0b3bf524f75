namespace RustScope.Core.Statistics;

/// <summary>One metric's verdict with the evidence behind it.</summary>
/// <param name="Analysis">The analysis judged.</param>
/// <param name="Verdict">Regressed, Improved, Unchanged, Inconclusive or Invalid.</param>
/// <param name="AdjustedPValue">The corrected one-sided p-value in the direction of the observed change; null when untested.</param>
/// <param name="Cause">For Inconclusive: the condition that was not met.</param>
public sealed record JudgedChange(ChangeAnalysis Analysis, Verdict Verdict, double? AdjustedPValue, InconclusiveCause? Cause = null);
