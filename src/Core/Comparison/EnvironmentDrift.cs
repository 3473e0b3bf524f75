using RustScope.Core.Metrics;
using RustScope.Core.Model;

namespace RustScope.Core.Comparison;

/// <summary>
/// Base and head ran on a machine that was materially busier (or quieter) in one of them: wall-clock figures then
/// measure the machine as much as the code. Other processes' load is compared as the capacity it left (1 − their
/// share), as a ratio: on a saturated machine their share barely moves (0.90 against 0.92) while the CPU left to the
/// target shrinks by a fifth, and wall time with it; on a quiet one the same ratio needs a large change of their
/// share. Pressure and steal are compared as differences of shares. docs/statistics.md gives the measurements.
/// </summary>
/// <param name="Figures">The differing figures in words: "base ran with other processes using 3 % of the CPUs, head with 71 %".</param>
internal sealed record EnvironmentDrift(string Figures)
{
    /// <summary>The factor by which the capacity other processes left (1 − their CPU share) must differ.</summary>
    public const double HeadroomRatio = 1.05;

    /// <summary>The share of the run's time with a task waiting for a CPU (PSI <c>some</c>) that must differ.</summary>
    public const double CpuPressureShareDifference = 0.2;

    /// <summary>The share of CPU time stolen by the hypervisor that must differ.</summary>
    public const double StealShareDifference = 0.1;

    // A machine the others left no capacity at all is compared as one that left them a thousandth: still a ratio.
    private const double LeastHeadroom = 0.001;

    /// <summary>The warning a comparison under drift carries.</summary>
    public string Warning =>
        $"base and head ran under materially different machine conditions ({Figures}): wall-clock figures measure the machine as much as the code; {MetricCatalog.WallTime.Name} is judged only where {MetricCatalog.CpuTime.Name} agrees";

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
        Differ(before.OtherCpuShare, after.OtherCpuShare, HeadroomDiffers, (b, h) => $"base ran with other processes using {b} of the CPUs, head with {h}");
        Differ(before.CpuPressureShare, after.CpuPressureShare, (b, h) => Math.Abs(h - b) >= CpuPressureShareDifference, (b, h) => $"a task waited for a CPU during {b} of base's time, {h} of head's");
        Differ(before.StealShare, after.StealShare, (b, h) => Math.Abs(h - b) >= StealShareDifference, (b, h) => $"the hypervisor took {b} of base's CPU time, {h} of head's");
        return differences.Count == 0 ? null : new EnvironmentDrift(string.Join("; ", differences));

        void Differ(double? baseShare, double? headShare, Func<double, double, bool> differ, Func<string, string, string> describe)
        {
            if (baseShare is { } b && headShare is { } h && differ(b, h))
            {
                differences.Add(describe(NumberText.Percent(b), NumberText.Percent(h)));
            }
        }
    }

    private static bool HeadroomDiffers(double baseShare, double headShare)
    {
        var (baseHeadroom, headHeadroom) = (Math.Max(1 - baseShare, LeastHeadroom), Math.Max(1 - headShare, LeastHeadroom));
        return Math.Max(baseHeadroom, headHeadroom) / Math.Min(baseHeadroom, headHeadroom) >= HeadroomRatio;
    }
}
