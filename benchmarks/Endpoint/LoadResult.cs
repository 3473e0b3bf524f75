namespace RustScope.Benchmarks.Endpoint;

/// <summary>What one measured load interval gave: completed requests a second and the 99th percentile of their latency.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P99Ms, int Failures);
