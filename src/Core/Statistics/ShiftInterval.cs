namespace RustScope.Core.Statistics;

/// <summary>A shift estimate with its two-sided confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Low">Lower confidence bound.</param>
/// <param name="High">Upper confidence bound.</param>
/// <param name="Level">The confidence level asked for (the achieved level of a rank interval is at least this, up to ties).</param>
internal readonly record struct ShiftInterval(double Estimate, double Low, double High, double Level);
