namespace RustScope.Benchmarks.Detection;

/// <summary>Counts over the trials of a scenario.</summary>
internal sealed class Outcome
{
    public int Trials { get; set; }

    /// <summary>Trials where at least one unshifted metric was called Regressed.</summary>
    public int FamilyFalseAlarms { get; set; }

    /// <summary>Shifted metrics judged, in total.</summary>
    public int ShiftedJudged { get; set; }

    public int ShiftedRegressed { get; set; }

    public int ShiftedUnchanged { get; set; }

    public int ShiftedInconclusive { get; set; }

    public double FamilyFalseAlarmRate => (double)FamilyFalseAlarms / Trials;

    public double Power => (double)ShiftedRegressed / ShiftedJudged;

    public double UnchangedRate => (double)ShiftedUnchanged / ShiftedJudged;

    public double InconclusiveRate => (double)ShiftedInconclusive / ShiftedJudged;
}
