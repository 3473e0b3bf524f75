namespace RustScope.Benchmarks.Detection;

/// <summary>Counts over the trials of one scenario for the sequential policy and two fixed run counts, judged on the same draws.</summary>
internal sealed class SequentialTally
{
    public int Trials { get; set; }

    /// <summary>Trials where an unshifted metric was called Regressed: sequential, fixed short, fixed long.</summary>
    public int[] FalseAlarms { get; } = new int[3];

    /// <summary>Trials where the shifted metric was called Regressed.</summary>
    public int[] Found { get; } = new int[3];

    /// <summary>Runs a side the sequential policy used, summed over the trials.</summary>
    public long RunsUsed { get; set; }

    public double FalseAlarmRate(int policy) => (double)FalseAlarms[policy] / Trials;

    public double FoundRate(int policy) => (double)Found[policy] / Trials;

    public double MeanRuns => (double)RunsUsed / Trials;

    public void Add(SequentialTally other)
    {
        Trials += other.Trials;
        RunsUsed += other.RunsUsed;
        for (var i = 0; i < 3; i++)
        {
            FalseAlarms[i] += other.FalseAlarms[i];
            Found[i] += other.Found[i];
        }
    }
}
