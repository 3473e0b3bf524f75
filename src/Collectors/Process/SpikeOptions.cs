namespace RustScope.Collectors.Process;

/// <summary>When a sample becomes an event (the seed's rules: memory growth over 5 MB between samples, CPU over 80 %).</summary>
/// <param name="MemoryGrowthMb">Resident growth between consecutive samples that counts as a spike, in MB.</param>
/// <param name="CpuPct">Tree CPU (% of one core) above which a CPU spike starts.</param>
internal sealed record SpikeOptions(double MemoryGrowthMb = 5, double CpuPct = 80);
