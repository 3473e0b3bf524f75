using System.Globalization;
using RustScope.Core.Statistics;

namespace RustScope.Benchmarks.Detection;

/// <summary>Simulates the scenarios of issue 4 and writes one Markdown table per question.</summary>
internal sealed class DetectionTables(int trials, TextWriter output)
{
    private const int Seed = 4;
    private static readonly int[] RunCounts = [5, 10, 20];
    private static readonly double[] Shifts = [0.05, 0.10, 0.20];

    private static IEnumerable<NoiseModel> Noises(params double[] cvs) =>
        from cv in cvs from shape in Enum.GetValues<NoiseShape>() select new NoiseModel(shape, cv);

    // Power cells only need enough shifted metrics (10 a trial), so they run a third of the trials.
    private int PowerTrials => Math.Max(20, trials / 3);

    public void FalseAlarms(ChangeAnalysisOptions options)
    {
        Header("(a) False alarms: share of A/A comparisons of 200 unchanged metrics with any Regressed (goal ≤ 1 %)", "noise");
        foreach (var noise in Noises(0.03, 0.15))
        {
            Row(noise.ToString(), RunCounts.Select(runs => Cell(Simulation.Run(new Scenario(noise, runs, 0, 0), options, trials, Seed), static o => o.FamilyFalseAlarmRate)));
        }
    }

    public void Power(ChangeAnalysisOptions options)
    {
        Header("(b) Power: share of the 10 shifted metrics (of 200) called Regressed", "noise, shift");
        foreach (var noise in Noises(0.03, 0.15))
        {
            foreach (var shift in Shifts)
            {
                Row($"{noise} +{shift:P0}", RunCounts.Select(runs => Cell(Simulation.Run(new Scenario(noise, runs, shift, 10), options, PowerTrials, Seed), static o => o.Power)));
            }
        }
    }

    public void SmallShift(ChangeAnalysisOptions options)
    {
        Header("(c) A +2 % shift (under the 5 % threshold) called Regressed at 3 % noise (goal ≤ 5 %)", "noise");
        foreach (var noise in Noises(0.03))
        {
            Row(noise.ToString(), RunCounts.Select(runs => Cell(Simulation.Run(new Scenario(noise, runs, 0.02, 10), options, PowerTrials, Seed), static o => o.Power)));
        }
    }

    public void NoisyLargeShift(ChangeAnalysisOptions options)
    {
        Header("(d) A +20 % shift at 15 % noise: Regressed / Inconclusive / Unchanged (goal: never Unchanged), default correction", "noise");
        foreach (var noise in Noises(0.15))
        {
            Row(noise.ToString(), RunCounts.Select(runs =>
            {
                var (holm, bh) = Simulation.Run(new Scenario(noise, runs, 0.20, 10), options, PowerTrials, Seed);
                var o = options.Correction == MultipleComparisonCorrection.Holm ? holm : bh;
                return Invariant($"{o.Power:P0} / {o.InconclusiveRate:P0} / {o.UnchangedRate:P0}");
            }));
        }
    }

    public void TestSelection()
    {
        Header("(e) The test by sample size: A/A false alarms, then power for +10 % (3 % noise) or +20 % (15 % noise)", "test, noise, question");
        foreach (var selection in Enum.GetValues<TestSelection>())
        {
            var options = ChangeAnalysisOptions.Default with { Test = selection };
            foreach (var noise in new[] { new NoiseModel(NoiseShape.LogNormal, 0.03), new NoiseModel(NoiseShape.Pareto, 0.03), new NoiseModel(NoiseShape.Pareto, 0.15) })
            {
                var shift = noise.Cv < 0.1 ? 0.10 : 0.20;
                Row($"{selection}, {noise}, A/A", RunCounts.Select(runs => Cell(Simulation.Run(new Scenario(noise, runs, 0, 0), options, trials, Seed), static o => o.FamilyFalseAlarmRate)));
                Row($"{selection}, {noise}, +{shift:P0}", RunCounts.Select(runs => Cell(Simulation.Run(new Scenario(noise, runs, shift, 10), options, PowerTrials, Seed), static o => o.Power)));
            }
        }
    }

    public void IntervalLevel()
    {
        Header("(f) The interval level: power for +10 % and Regressed rate for +2 % at 3 % log-normal noise", "level, shift");
        var noise = new NoiseModel(NoiseShape.LogNormal, 0.03);
        foreach (var level in new[] { 0.90, 0.95, 0.98 })
        {
            var options = ChangeAnalysisOptions.Default with { ConfidenceLevel = level };
            foreach (var shift in new[] { 0.10, 0.02 })
            {
                Row($"{level:P0}, +{shift:P0}", RunCounts.Select(runs => Cell(Simulation.Run(new Scenario(noise, runs, shift, 10), options, PowerTrials, Seed), static o => o.Power)));
            }
        }
    }

    private static string Cell((Outcome Holm, Outcome BenjaminiHochberg) outcomes, Func<Outcome, double> measure) =>
        Invariant($"{measure(outcomes.Holm):P1} / {measure(outcomes.BenjaminiHochberg):P1}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Header(string title, string first)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine();
        output.WriteLine($"| {first} | {string.Join(" | ", RunCounts.Select(static r => Invariant($"{r} runs a side")))} |");
        output.WriteLine($"|---|{string.Concat(RunCounts.Select(static _ => "---|"))}");
    }

    private void Row(string label, IEnumerable<string> cells)
    {
        output.WriteLine($"| {label} | {string.Join(" | ", cells)} |");
        output.Flush();
    }
}
