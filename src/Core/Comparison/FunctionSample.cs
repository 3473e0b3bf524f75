using RustScope.Core.Model;

namespace RustScope.Core.Comparison;

/// <summary>One function's figures in one run (run 0 for a session's single values), as the comparer reads them.</summary>
/// <param name="Run">The run's index.</param>
/// <param name="Name">The function's name.</param>
/// <param name="Latency">Its latencies; null for a sampled function, which has none.</param>
/// <param name="Alloc">Bytes it allocated per call, when measured.</param>
/// <param name="Calls">How many times it was called.</param>
internal readonly record struct FunctionSample(int Run, string Name, LatencyStats? Latency, double? Alloc, long Calls);
