using RustScope.Core.Model;

namespace RustScope.Core.Comparison;

/// <summary>
/// Base and head ran on a machine that was materially busier (or quieter) in one of them: wall-clock figures then
/// measure the machine as much as the code. The thresholds are differences of shares (0 to 1) that one CPU-bound
/// neighbour on a 2-core machine exceeds several times over, and that back-to-back recordings on the same machine
/// stay well inside; docs/statistics.md gives the measurements.
/// </summary>
/// <param name="Figures">The differing figures in words: "base ran with other processes using 3 % of the CPUs, head with 71 %".</param>
internal sealed record EnvironmentDrift(string Figures)
{
    /// <summary>Other processes' share of the machine's CPU capacity that must differ for the conditions to differ.</summary>
    public const double OtherCpuShareDifference = 0.25;

    /// <summary>The share of the run's time with a task waiting for a CPU (PSI <c>some</c>) that must differ.</summary>
    public const double CpuPressureShareDifference = 0.2;

    /// <summary>The share of CPU time stolen by the hypervisor that must differ.</summary>
    public const double StealShareDifference = 0.1;

    /// <summary>The warning a comparison under drift carries.</summary>
    public string Warning =>
        $"base and head ran under materially different machine conditions ({Figures}): wall-clock figures measure the machine as much as the code; wall_time is judged only where cpu_time agrees";

    /// <summary>
    /// The drift between the two sessions' machine loads, or null when they ran under comparable conditions, when a
    /// side has no figures (a session recorded before they were), or when the sessions are the two sides of one
    /// interleaved series, whose pairs of runs share their conditions by construction.
    /// </summary>
    public static EnvironmentDrift? Between(ProfileSession baseline, ProfileSession head)
    {
        if (Interleaving.Pairs(baseline.Meta.Interleaving, head.Meta.Interleaving)
            || baseline.Meta.MachineLoad is not { } before || head.Meta.MachineLoad is not { } after)
        {
            return null;
        }

        var differences = new List<string>();
        Differ(before.OtherCpuShare, after.OtherCpuShare, OtherCpuShareDifference, (b, h) => $"base ran with other processes using {b} of the CPUs, head with {h}");
        Differ(before.CpuPressureShare, after.CpuPressureShare, CpuPressureShareDifference, (b, h) => $"a task waited for a CPU during {b} of base's time, {h} of head's");
        Differ(before.StealShare, after.StealShare, StealShareDifference, (b, h) => $"the hypervisor took {b} of base's CPU time, {h} of head's");
        return differences.Count == 0 ? null : new EnvironmentDrift(string.Join("; ", differences));

        void Differ(double? baseShare, double? headShare, double threshold, Func<string, string, string> describe)
        {
            if (baseShare is { } b && headShare is { } h && Math.Abs(h - b) >= threshold)
            {
                differences.Add(describe(NumberText.Percent(b), NumberText.Percent(h)));
            }
        }
    }
}
