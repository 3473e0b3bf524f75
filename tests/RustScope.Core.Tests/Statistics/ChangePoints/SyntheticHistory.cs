using RustScope.Core.Statistics.ChangePoints;

namespace RustScope.Core.Tests.Statistics.ChangePoints;

/// <summary>Histories with known truth: a level per commit times Gaussian noise of a given relative size, seeded.</summary>
internal static class SyntheticHistory
{
    /// <summary><paramref name="count"/> commits whose values are level(i) · (1 + noise · N(0, 1)).</summary>
    public static IReadOnlyList<TrendPoint> Series(int count, Func<int, double> level, double noise, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var points = new TrendPoint[count];
        for (var i = 0; i < count; i++)
        {
            // Box-Muller: one standard normal from two uniforms in (0, 1].
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            points[i] = new TrendPoint($"c{i:D4}{seed:x8}", start.AddHours(i), level(i) * (1 + (noise * normal)), 5);
        }

        return points;
    }

    /// <summary>A 5 % step at commit 30 of 60 under 3 % noise: the case.</summary>
    public static IReadOnlyList<TrendPoint> FivePercentStep(int seed) => Series(60, static i => i < 30 ? 100 : 105, 0.03, seed);
}
