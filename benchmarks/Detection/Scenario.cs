namespace RustScope.Benchmarks.Detection;

/// <summary>One simulated comparison run: <see cref="Metrics"/> metrics, the first <see cref="Shifted"/> of them shifted.</summary>
internal sealed record Scenario(NoiseModel Noise, int Runs, double Shift, int Shifted, int Metrics = 200);
