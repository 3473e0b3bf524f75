using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace RustScope.Benchmarks.Endpoint;

/// <summary>The ratio of two variants measured in the same rounds: the geometric mean of the per-round ratios and its 95 % t interval.</summary>
internal readonly record struct PairedRatio(double Ratio, double Low, double High)
{
    /// <summary>The comparisons worth making: every variant against the first (the baseline), and the endpoint's CPU profile against dotnet-trace.</summary>
    public static IEnumerable<(Variant Variant, Variant Against)> Pairs(IReadOnlyList<Variant> variants)
    {
        foreach (var variant in variants.Skip(1))
        {
            yield return (variant, variants[0]);
        }

        var endpoint = variants.FirstOrDefault(static v => v.Profiler == Profiler.Endpoint);
        var dotnetTrace = variants.FirstOrDefault(static v => v.Profiler == Profiler.DotnetTrace);
        if (endpoint is not null && dotnetTrace is not null)
        {
            yield return (endpoint, dotnetTrace);
        }
    }

    /// <summary>The ratio second / first over rounds paired by index (at least two rounds).</summary>
    public static PairedRatio Of(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        var logs = second.Select((value, i) => Math.Log(value / first[i])).ToArray();
        var mean = logs.Average();
        if (logs.Length < 2)
        {
            return new PairedRatio(Math.Exp(mean), double.NaN, double.NaN);
        }

        var standardError = logs.StandardDeviation() / Math.Sqrt(logs.Length);
        var half = StudentT.InvCDF(0, 1, logs.Length - 1, 0.975) * standardError;
        return new PairedRatio(Math.Exp(mean), Math.Exp(mean - half), Math.Exp(mean + half));
    }
}
