namespace RustScope.Core.Statistics;

/// <summary>
/// The evidence about one metric's change from baseline to head. Relative values are fractions (0.10 = 10 % larger);
/// they are infinite when the baseline centre is 0 and head is not, and the interval is (−1, +∞) when a side has a
/// single sample: writers must turn non-finite values into null.
/// </summary>
public sealed record ChangeAnalysis
{
    /// <summary>The data cannot be judged; <see cref="Reason"/> says why.</summary>
    public bool Invalid { get; init; }

    /// <summary>Why the data is invalid or cannot be tested, in one sentence.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The statistic each side is summarised by: the geometric mean (or mean) under Welch's t-test, the median under the
    /// rank test, without a test, or with a single sample on a side.
    /// </summary>
    public SummaryStatistic Statistic { get; init; }

    /// <summary><see cref="Statistic"/> of the baseline samples.</summary>
    public double BaselineCenter { get; init; }

    /// <summary><see cref="Statistic"/> of the head samples.</summary>
    public double HeadCenter { get; init; }

    /// <summary>
    /// <see cref="HeadCenter"/> / <see cref="BaselineCenter"/> − 1: the change of the statistic shown for both sides, which
    /// under Welch's t-test is also the test's estimate (the ratio of geometric means).
    /// </summary>
    public double Change { get; init; }

    /// <summary>
    /// Lower bound of the interval of <see cref="Change"/> at <see cref="ConfidenceLevel"/>: the test's interval (Welch's t,
    /// or Hodges-Lehmann's for the rank test, widened to take in the change of the medians when that lies outside it).
    /// </summary>
    public double ChangeCiLow { get; init; }

    /// <summary>Upper bound of the interval of <see cref="Change"/>.</summary>
    public double ChangeCiHigh { get; init; }

    /// <summary><see cref="Change"/> in the metric's unit (head minus baseline).</summary>
    public double AbsoluteChange { get; init; }

    /// <summary>Lower bound of <see cref="AbsoluteChange"/>.</summary>
    public double AbsoluteCiLow { get; init; }

    /// <summary>Upper bound of <see cref="AbsoluteChange"/>.</summary>
    public double AbsoluteCiHigh { get; init; }

    /// <summary>
    /// How much the samples vary: the coefficient of variation (standard deviation over mean) of each side, pooled as a
    /// root mean square; 0 when nothing varies, NaN when unknown (a single sample, a zero mean, invalid data).
    /// </summary>
    public double Noise { get; init; } = double.NaN;

    /// <summary>Two-sided confidence level of the interval.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>Raw one-sided p-value for "head is worse" (direction from <see cref="ChangeAnalysisOptions.LowerIsBetter"/>).</summary>
    public double PValueWorse { get; init; } = 1;

    /// <summary>Raw one-sided p-value for "head is better".</summary>
    public double PValueBetter { get; init; } = 1;

    /// <summary>TOST p-value for "the change is inside ± the threshold"; null without a threshold or a test.</summary>
    public double? EquivalencePValue { get; init; }

    /// <summary>The test, one of <see cref="TestNames"/>: <c>welch-t-log</c>, <c>paired-t-log</c>, <c>welch-t-log-effective-n</c>, <c>mann-whitney-exact</c>, <c>deterministic</c>…</summary>
    public string Test { get; init; } = TestNames.None;

    /// <summary>Baseline sample size.</summary>
    public int BaselineN { get; init; }

    /// <summary>Head sample size.</summary>
    public int HeadN { get; init; }

    /// <summary>
    /// Estimated runs per side that would decide the metric (regression or equivalence), when it can be estimated;
    /// meant for Inconclusive verdicts, where reports show it.
    /// </summary>
    public int? RunsNeeded { get; init; }

    /// <summary>The options the metric was analysed with; <see cref="FamilyJudge"/> applies their threshold and direction.</summary>
    public ChangeAnalysisOptions Options { get; init; } = ChangeAnalysisOptions.Default;

    /// <summary>True when judged without a test.</summary>
    public bool IsDeterministic => Test == TestNames.Deterministic;

    /// <summary>True when a test produced the p-values (they then enter the family correction).</summary>
    public bool IsTested => !Invalid && Test is not (TestNames.None or TestNames.Deterministic);
}
