using System.Globalization;

namespace RustScope.Core.Statistics;

/// <summary>
/// When <c>--runs auto</c> looks at the comparison, and at which level: a group-sequential design (Armitage, McPherson
/// and Rowe 1969) with Lan and DeMets' (1983) alpha spending, using Kim and DeMets' (1987) power family α·t² of the
/// information fraction t = runs / max runs. Each look tests at the alpha its fraction adds; by Bonferroni's inequality
/// the chance of any false claim over all looks is at most the sum, α — whatever the looks' correlation, and with the
/// exact small-sample tests of a fixed comparison at each look. It is conservative next to the exact recursive
/// boundaries, which assume normal statistics with known variance that five runs do not have.
/// </summary>
public static class SequentialLooks
{
    /// <summary>Runs a side at the first look: the fewest that can ever decide among many metrics.</summary>
    public const int FirstLook = 5;

    // Geometric looks: every look adds a quarter of the runs made, so a series of n runs looks about 4·ln(n/5) times
    // and the few looks keep Bonferroni's cost low; looking after every run would leave each look a sliver of alpha.
    private const double Growth = 1.25;

    // α·t^ρ: ρ = 1 spends like Pocock (early stops, weaker last look), ρ = 3 like O'Brien-Fleming; the simulation in
    // benchmarks/Detection chose ρ = 2 (docs/statistics.md).
    private const double Rho = 2;

    /// <summary>The look after <paramref name="runs"/>: a quarter more runs (at least one more), never past <paramref name="maxRuns"/>.</summary>
    public static int Next(int runs, int maxRuns) =>
        Math.Min(maxRuns, Math.Max(runs + 1, (int)Math.Round(runs * Growth, MidpointRounding.AwayFromZero)));

    /// <summary>Whether the design looks after <paramref name="runs"/> runs a side: 5, 6, 8, 10, 13, 16, 20, 25, 31… and at the maximum.</summary>
    public static bool IsLook(int runs, int maxRuns)
    {
        for (var look = Math.Min(FirstLook, maxRuns); look <= runs; look = Next(look, maxRuns))
        {
            if (look == runs)
            {
                return true;
            }

            if (look == maxRuns)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The alpha spent by the information fraction <paramref name="fraction"/> (0 to 1) of a design with total <paramref name="alpha"/>.</summary>
    public static double Spent(double fraction, double alpha) => alpha * Math.Pow(Math.Clamp(fraction, 0, 1), Rho);

    /// <summary>
    /// Each look's level: the alpha its fraction adds to the previous look's. <paramref name="spendRest"/> gives the last
    /// look whatever is left (a series cut short by time, not by the data); a look at <paramref name="maxRuns"/> always
    /// spends the rest.
    /// </summary>
    /// <exception cref="ArgumentException">The looks are empty, not ascending, or beyond <paramref name="maxRuns"/>.</exception>
    public static IReadOnlyList<double> Levels(IReadOnlyList<int> looks, int maxRuns, double alpha, bool spendRest)
    {
        ArgumentNullException.ThrowIfNull(looks);
        if (looks.Count == 0 || looks[0] < 2 || looks[^1] > maxRuns || looks.Zip(looks.Skip(1)).Any(static p => p.First >= p.Second))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"looks must ascend from 2 runs up to at most {maxRuns}"), nameof(looks));
        }

        var levels = new double[looks.Count];
        var spent = 0.0;
        for (var i = 0; i < looks.Count; i++)
        {
            var cumulative = i == looks.Count - 1 && spendRest ? alpha : Spent((double)looks[i] / maxRuns, alpha);
            levels[i] = cumulative - spent;
            spent = cumulative;
        }

        return levels;
    }
}
