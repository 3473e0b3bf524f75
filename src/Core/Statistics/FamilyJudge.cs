namespace RustScope.Core.Statistics;

/// <summary>
/// Turns every analysis of one comparison run into verdicts. The family is every directional claim the run could make,
/// "worse" and "better" for each tested metric (2m one-sided p-values corrected together), so the chance of any false
/// Regressed or Improved stays within alpha under Holm. Then the policy of DESIGN.md "Statistics policy" applies, each
/// metric with the threshold and direction it was analysed with.
/// </summary>
public static class FamilyJudge
{
    /// <summary>
    /// Judges <paramref name="analyses"/> together; <paramref name="defaults"/> gives alpha and the correction.
    /// Regressed: corrected p below alpha and the interval beyond the threshold; Improved likewise the other way;
    /// Unchanged: equivalence shown at alpha; Inconclusive otherwise; Invalid for bad data. Deterministic metrics
    /// are judged on their medians, without a test.
    /// </summary>
    public static IReadOnlyList<JudgedChange> Judge(IReadOnlyList<ChangeAnalysis> analyses, ChangeAnalysisOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(defaults);
        var tested = analyses.Where(static a => a.IsTested).ToArray();
        var corrected = Corrections.Adjust([.. tested.Select(static a => a.PValueWorse), .. tested.Select(static a => a.PValueBetter)], defaults.Correction);
        var adjusted = new Dictionary<ChangeAnalysis, (double Worse, double Better)>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < tested.Length; i++)
        {
            adjusted[tested[i]] = (corrected[i], corrected[tested.Length + i]);
        }

        return [.. analyses.Select(a => adjusted.TryGetValue(a, out var p) ? JudgeTested(a, p.Worse, p.Better, defaults.Alpha) : JudgeUntested(a))];
    }

    private static JudgedChange JudgeTested(ChangeAnalysis analysis, double worse, double better, double alpha)
    {
        var inDirection = analysis.PValueWorse <= analysis.PValueBetter ? worse : better;
        var beyondWorse = ThresholdCheck.ClearsWorse(analysis);
        var beyondBetter = ThresholdCheck.ClearsBetter(analysis);
        if (worse < alpha && beyondWorse)
        {
            return new JudgedChange(analysis, Verdict.Regressed, inDirection);
        }

        if (better < alpha && beyondBetter)
        {
            return new JudgedChange(analysis, Verdict.Improved, inDirection);
        }

        if (analysis.EquivalencePValue < analysis.Options.Alpha)
        {
            return new JudgedChange(analysis, Verdict.Unchanged, inDirection);
        }

        var cause = beyondWorse || beyondBetter ? InconclusiveCause.NotSignificant
            : ThresholdCheck.Inside(analysis) ? InconclusiveCause.EquivalenceNotShown
            : ThresholdCheck.OnThreshold(analysis) ? InconclusiveCause.AtThreshold
            : InconclusiveCause.SpansThreshold;
        return new JudgedChange(analysis, Verdict.Inconclusive, inDirection, cause);
    }

    private static JudgedChange JudgeUntested(ChangeAnalysis analysis)
    {
        var verdict =
            analysis.Invalid ? Verdict.Invalid
            : !analysis.IsDeterministic ? Verdict.Inconclusive
            : ThresholdCheck.ClearsWorse(analysis) ? Verdict.Regressed
            : ThresholdCheck.ClearsBetter(analysis) ? Verdict.Improved
            : Verdict.Unchanged;
        return new JudgedChange(analysis, verdict, null, verdict == Verdict.Inconclusive ? InconclusiveCause.SingleValue : null);
    }
}
