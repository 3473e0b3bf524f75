namespace RustScope.Benchmarks.Detection;

/// <summary>The shapes of run-to-run noise simulated.</summary>
internal enum NoiseShape
{
    Normal,
    LogNormal,
    Bimodal,
    Pareto,
}
