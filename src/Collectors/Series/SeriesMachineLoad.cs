using RustScope.Core.Model;

namespace RustScope.Collectors.Series;

/// <summary>
/// The machine's load over a whole series: each figure is the mean of the runs that have it, weighted by their wall
/// time, so a share stays the share of the series' time (a 10 s run under load counts ten times a 1 s quiet one).
/// </summary>
internal static class SeriesMachineLoad
{
    public static MachineLoad? Of(IReadOnlyList<ProfileSession> runs)
    {
        var loads = runs.Where(r => r.Meta.MachineLoad is not null).Select(r => (Load: r.Meta.MachineLoad!, Weight: Math.Max(r.Summary.DurationS, 1e-3))).ToList();
        if (loads.Count == 0)
        {
            return null;
        }

        double? Mean(Func<MachineLoad, double?> figure, int digits)
        {
            var present = loads.Where(l => figure(l.Load) is not null).ToList();
            return present.Count == 0 ? null : Math.Round(present.Sum(l => figure(l.Load)!.Value * l.Weight) / present.Sum(l => l.Weight), digits);
        }

        return new MachineLoad
        {
            LoadAverage1m = Mean(l => l.LoadAverage1m, 2),
            CpuPressureAvg10 = Mean(l => l.CpuPressureAvg10, 2),
            CpuPressureShare = Mean(l => l.CpuPressureShare, 3),
            StealShare = Mean(l => l.StealShare, 3),
            CpuMhz = Mean(l => l.CpuMhz, 0),
            OtherCpuShare = Mean(l => l.OtherCpuShare, 3),
        };
    }
}
