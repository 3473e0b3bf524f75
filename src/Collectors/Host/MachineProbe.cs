using System.Diagnostics;
using RustScope.Collectors.Process.Native;
using RustScope.Core.Model;

namespace RustScope.Collectors.Host;

/// <summary>
/// Reads how busy the machine is at a run's start and end (a handful of small files, twice a run: no sampling cost)
/// and turns the two readings into the run's <see cref="MachineLoad"/>. Tests point it at files they write.
/// </summary>
/// <param name="proc">Where <c>loadavg</c>, <c>stat</c> and <c>pressure/cpu</c> are.</param>
/// <param name="cpus">Where the <c>cpu*/cpufreq</c> folders are.</param>
internal sealed class MachineProbe(string proc = "/proc", string cpus = "/sys/devices/system/cpu")
{
    // /proc/stat's cpu line: user nice system idle iowait irq softirq steal guest guest_nice. Guest time is already
    // inside user and nice; idle and iowait are the only columns in which a CPU did nothing.
    private const int IdleColumn = 3;
    private const int IowaitColumn = 4;
    private const int StealColumn = 7;
    private const int CountedColumns = 8;

    public MachineSnapshot Read() => new(
        Stopwatch.GetTimestamp(),
        HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(proc, "loadavg"))?.Split(' ')[0]),
        HostProbe.ParseDouble(Pressure("avg10")),
        HostProbe.ParseDouble(Pressure("total")) is { } total ? (long)total : null,
        CpuTicks(),
        CpuMhz(),
        Environment.CpuUsage.TotalTime.TotalSeconds);

    /// <summary>The machine's load between two readings, during which the profiled tree used <paramref name="treeCpuS"/> CPU seconds.</summary>
    public static MachineLoad Between(MachineSnapshot start, MachineSnapshot end, double treeCpuS)
    {
        var wallS = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        var cpu = end.Cpu is { } last && start.Cpu is { } first && last.Total > first.Total
            ? (Busy: last.Busy - first.Busy, Steal: last.Steal - first.Steal, Total: last.Total - first.Total)
            : ((long Busy, long Steal, long Total)?)null;
        double? Share(double? part, double? whole) => part is { } p && whole is > 0 and var w ? Math.Round(Math.Clamp(p / w, 0, 1), 3) : null;
        var ownCpuS = end.OwnCpuS - start.OwnCpuS;
        return new MachineLoad
        {
            LoadAverage1m = Mean(start.LoadAverage1m, end.LoadAverage1m) is { } load ? Math.Round(load, 2) : null,
            CpuPressureAvg10 = end.PressureAvg10,
            CpuPressureShare = Share((end.PressureTotalUs - start.PressureTotalUs) / 1e6, wallS),
            StealShare = cpu is { } steal ? Share(steal.Steal, steal.Total) : null,
            CpuMhz = Mean(start.CpuMhz, end.CpuMhz) is { } mhz ? Math.Round(mhz) : null,
            OtherCpuShare = cpu is { } busy
                ? Share((double)busy.Busy / Libc.ClockTicksPerSecond - treeCpuS - ownCpuS, (double)busy.Total / Libc.ClockTicksPerSecond)
                : null,
        };
    }

    private static double? Mean(double? a, double? b) => a is { } x && b is { } y ? (x + y) / 2 : a ?? b;

    /// <summary>A field of the <c>some</c> line of <c>/proc/pressure/cpu</c>; null where the kernel has no PSI (or it is off).</summary>
    private string? Pressure(string field) =>
        HostProbe.ReadFirstLine(Path.Combine(proc, "pressure", "cpu")) is { } line && line.StartsWith("some ", StringComparison.Ordinal)
            ? line.Split(' ').FirstOrDefault(pair => pair.StartsWith(field + "=", StringComparison.Ordinal))?[(field.Length + 1)..]
            : null;

    private (long Busy, long Steal, long Total)? CpuTicks()
    {
        if (HostProbe.ReadFirstLine(Path.Combine(proc, "stat")) is not { } line || !line.StartsWith("cpu ", StringComparison.Ordinal))
        {
            return null;
        }

        var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(CountedColumns)
            .Select(text => long.TryParse(text, out var ticks) ? ticks : -1).ToArray();
        if (columns.Length < CountedColumns || columns.Any(ticks => ticks < 0))
        {
            return null;
        }

        var total = columns.Sum();
        return (total - columns[IdleColumn] - columns[IowaitColumn], columns[StealColumn], total);
    }

    /// <summary>Mean of every CPU's <c>scaling_cur_freq</c> (kHz) in MHz; null where no CPU exposes it (most VMs).</summary>
    private double? CpuMhz()
    {
        try
        {
            var kilohertz = Directory.EnumerateDirectories(cpus, "cpu*")
                .Select(cpu => HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(cpu, "cpufreq", "scaling_cur_freq"))))
                .OfType<double>()
                .ToList();
            return kilohertz.Count > 0 ? kilohertz.Average() / 1000 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
