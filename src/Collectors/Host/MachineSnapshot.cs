namespace RustScope.Collectors.Host;

/// <summary>The machine's counters at one moment; two of them (a run's start and end) give its <see cref="Core.Model.MachineLoad"/>.</summary>
/// <param name="Timestamp">When it was read (Stopwatch timestamp).</param>
/// <param name="LoadAverage1m">The 1-minute load average.</param>
/// <param name="PressureAvg10">CPU pressure <c>some avg10</c>, a percentage; null without PSI.</param>
/// <param name="PressureTotalUs">CPU pressure <c>some total</c>, microseconds since boot; null without PSI.</param>
/// <param name="Cpu">The machine's CPU time since boot from the <c>cpu</c> line of <c>/proc/stat</c>, in clock ticks.</param>
/// <param name="CpuMhz">The mean current CPU frequency, where readable.</param>
/// <param name="OwnCpuS">RustScope's own CPU seconds, which are not another process's load.</param>
internal sealed record MachineSnapshot(
    long Timestamp,
    double? LoadAverage1m,
    double? PressureAvg10,
    long? PressureTotalUs,
    (long Busy, long Steal, long Total)? Cpu,
    double? CpuMhz,
    double OwnCpuS);
