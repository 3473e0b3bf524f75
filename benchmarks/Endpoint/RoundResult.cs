namespace RustScope.Benchmarks.Endpoint;

/// <summary>
/// One variant in one round: the load's figures, and the CPU per 1 000 requests of the service and of an outside
/// profiler (dotnet-trace), which a busy machine disturbs far less than requests/s (each process is charged its own).
/// </summary>
internal sealed record RoundResult(LoadResult Load, double ServiceCpuMsPer1000, double ProfilerCpuMsPer1000);
