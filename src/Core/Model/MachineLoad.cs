using System.Text.Json.Serialization;

namespace RustScope.Core.Model;

/// <summary>
/// How busy the machine was while a session (or one run) was recorded, so a comparison can tell a change of the
/// machine from a change of the code. Every figure is optional: a kernel without pressure stall information, a VM
/// without a readable CPU frequency, or a session written before these were recorded leaves it out — never a zero.
/// Shares are fractions of the run's wall time or of the machine's capacity (cores × wall time), 0 to 1.
/// </summary>
public sealed record MachineLoad
{
    /// <summary>The kernel's 1-minute load average (<c>/proc/loadavg</c>), the mean of its readings at the start and the end.</summary>
    [JsonPropertyName("load_average_1m")]
    public double? LoadAverage1m { get; init; }

    /// <summary>
    /// CPU pressure at the end (<c>/proc/pressure/cpu</c>, <c>some avg10</c>): the percentage of the last 10 s in which
    /// at least one runnable task waited for a CPU.
    /// </summary>
    public double? CpuPressureAvg10 { get; init; }

    /// <summary>The share of the run's wall time in which at least one runnable task waited for a CPU (the <c>some total</c> delta).</summary>
    public double? CpuPressureShare { get; init; }

    /// <summary>The share of the machine's CPU time the hypervisor gave to other guests (<c>/proc/stat</c> steal delta over the total delta).</summary>
    public double? StealShare { get; init; }

    /// <summary>The mean current frequency of the CPUs in MHz (<c>cpufreq/scaling_cur_freq</c>), where the machine exposes it.</summary>
    public double? CpuMhz { get; init; }

    /// <summary>
    /// The share of the machine's capacity (cores × wall time) that processes other than the profiled tree and
    /// RustScope itself used: the machine's busy CPU time over the run (<c>/proc/stat</c>) minus theirs.
    /// </summary>
    public double? OtherCpuShare { get; init; }
}
