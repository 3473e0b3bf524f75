using MathNet.Numerics.Distributions;

namespace RustScope.Benchmarks.Detection;

/// <summary>Per-run values around 100 with a given shape and coefficient of variation, times (1 + shift).</summary>
internal sealed record NoiseModel(NoiseShape Shape, double Cv)
{
    // Share of runs in the slow mode of the bimodal shape (a noisy neighbour on the runner now and then).
    private const double SlowShare = 0.2;

    public double Sample(Random random, double shift) => 100 * (1 + shift) * Shape switch
    {
        NoiseShape.Normal => Math.Max(1e-6, 1 + (Cv * Normal.Sample(random, 0, 1))),
        NoiseShape.LogNormal => LogNormalFactor(random),
        NoiseShape.Bimodal => BimodalFactor(random),
        NoiseShape.Pareto => ParetoFactor(random),
        _ => throw new ArgumentOutOfRangeException(nameof(shift)),
    };

    private double LogNormalFactor(Random random)
    {
        var sigma = Math.Sqrt(Math.Log(1 + (Cv * Cv)));
        return Math.Exp((sigma * Normal.Sample(random, 0, 1)) - (sigma * sigma / 2));
    }

    // Two modes: half the variance from within-mode jitter, half from the gap between the modes.
    private double BimodalFactor(Random random)
    {
        var jitter = Cv / Math.Sqrt(2);
        var gap = Cv / Math.Sqrt(2 * SlowShare * (1 - SlowShare));
        var slow = random.NextDouble() < SlowShare ? gap : 0;
        return Math.Max(1e-6, 1 + slow - (SlowShare * gap) + (jitter * Normal.Sample(random, 0, 1)));
    }

    // Pareto with shape a has CV 1 / sqrt(a (a − 2)); scaled to mean 1.
    private double ParetoFactor(Random random)
    {
        var shape = 1 + Math.Sqrt(1 + (1 / (Cv * Cv)));
        var mean = shape / (shape - 1);
        return Math.Pow(1 - random.NextDouble(), -1 / shape) / mean;
    }

    public override string ToString() => $"{Shape} {Cv:P0}";
}
