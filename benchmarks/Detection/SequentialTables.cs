using System.Globalization;

namespace RustScope.Benchmarks.Detection;

/// <summary>The table of <c>--runs auto</c> against fixed run counts (docs/statistics.md quotes it).</summary>
internal sealed class SequentialTables(int trials, TextWriter output)
{
    private const int Seed = 20;
    private const int ShortRuns = 10;
    private const int MaxRuns = 30;

    public void Write()
    {
        output.WriteLine();
        output.WriteLine(Invariant($"(g) --runs auto (looks at 5, 6, 8, 10, 13, 16, 20, 25 and {MaxRuns} pairs, α·t² spending) against {ShortRuns} and {MaxRuns} fixed pairs: 200 metrics, paired, the first one shifted; A/A rows give the share of comparisons with any false Regressed (goal ≤ 1 %), shifted rows the share where the shifted metric was found"));
        output.WriteLine();
        output.WriteLine(Invariant($"| noise, shift | auto: false alarms / found | auto: mean pairs | {ShortRuns} pairs: false alarms / found | {MaxRuns} pairs: false alarms / found |"));
        output.WriteLine("|---|---|---|---|---|");
        foreach (var noise in new[] { new NoiseModel(NoiseShape.LogNormal, 0.03), new NoiseModel(NoiseShape.Bimodal, 0.03), new NoiseModel(NoiseShape.Pareto, 0.03), new NoiseModel(NoiseShape.LogNormal, 0.15), new NoiseModel(NoiseShape.Pareto, 0.15) })
        {
            foreach (var shift in new[] { 0, 0.05, 0.10, 0.20, 0.30 })
            {
                if (noise.Cv > 0.1 && shift is > 0 and < 0.2)
                {
                    // 15 % noise cannot show +5 % or +10 % within 30 pairs at any alpha; the rows would only repeat it.
                    continue;
                }

                var tally = SequentialSimulation.Run(noise, shift, 200, ShortRuns, MaxRuns, shift == 0 ? trials : Math.Max(50, trials / 3), Seed);
                output.WriteLine(Invariant($"| {noise} {(shift == 0 ? "A/A" : $"+{shift:P0}")} | {tally.FalseAlarmRate(0):P1} / {tally.FoundRate(0):P1} | {tally.MeanRuns:F1} | {tally.FalseAlarmRate(1):P1} / {tally.FoundRate(1):P1} | {tally.FalseAlarmRate(2):P1} / {tally.FoundRate(2):P1} |"));
                output.Flush();
            }
        }
    }

    /// <summary>The same for a typical process gate of 5 metrics (wall_time, cpu_time, peak_rss and two functions): how many pairs it takes.</summary>
    public void WriteFew()
    {
        output.WriteLine();
        output.WriteLine(Invariant($"(h) --runs auto on a gate of 5 metrics, the first one shifted: false alarms / found, and mean pairs (at most {MaxRuns})"));
        output.WriteLine();
        output.WriteLine(Invariant($"| noise, shift | auto: false alarms / found | auto: mean pairs | {ShortRuns} pairs: false alarms / found |"));
        output.WriteLine("|---|---|---|---|");
        foreach (var noise in new[] { new NoiseModel(NoiseShape.LogNormal, 0.01), new NoiseModel(NoiseShape.LogNormal, 0.03), new NoiseModel(NoiseShape.LogNormal, 0.15) })
        {
            foreach (var shift in new[] { 0, 0.10, 0.30 })
            {
                var tally = SequentialSimulation.Run(noise, shift, 5, ShortRuns, MaxRuns, trials, Seed);
                output.WriteLine(Invariant($"| {noise} {(shift == 0 ? "A/A" : $"+{shift:P0}")} | {tally.FalseAlarmRate(0):P1} / {tally.FoundRate(0):P1} | {tally.MeanRuns:F1} | {tally.FalseAlarmRate(1):P1} / {tally.FoundRate(1):P1} |"));
                output.Flush();
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
