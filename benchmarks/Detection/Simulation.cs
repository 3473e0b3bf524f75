using RustScope.Core.Statistics;

namespace RustScope.Benchmarks.Detection;

/// <summary>Runs a scenario's trials, each a whole comparison run judged as one family, reproducibly from a seed.</summary>
internal static class Simulation
{
    /// <summary>The outcome under Holm and under Benjamini-Hochberg, judged on the same simulated analyses.</summary>
    public static (Outcome Holm, Outcome BenjaminiHochberg) Run(Scenario scenario, ChangeAnalysisOptions options, int trials, int seed)
    {
        var perTrial = new (Outcome Holm, Outcome BenjaminiHochberg)[trials];
        Parallel.For(0, trials, trial =>
        {
            // One generator per trial, seeded by its index, so results do not depend on thread scheduling. A fixed mix,
            // not HashCode.Combine, which is randomised per process and would make every printed table different.
            var analyses = Analyses(scenario, options, new Random(TrialSeed(seed, trial)));
            perTrial[trial] = (
                Count(scenario, FamilyJudge.Judge(analyses, options with { Correction = MultipleComparisonCorrection.Holm })),
                Count(scenario, FamilyJudge.Judge(analyses, options with { Correction = MultipleComparisonCorrection.BenjaminiHochberg })));
        });
        return (Sum(perTrial.Select(static t => t.Holm)), Sum(perTrial.Select(static t => t.BenjaminiHochberg)));
    }

    private static int TrialSeed(int seed, int trial) => unchecked((seed * 1_000_003) + trial);

    private static Outcome Sum(IEnumerable<Outcome> outcomes)
    {
        var total = new Outcome();
        foreach (var outcome in outcomes)
        {
            total.Trials += outcome.Trials;
            total.FamilyFalseAlarms += outcome.FamilyFalseAlarms;
            total.ShiftedJudged += outcome.ShiftedJudged;
            total.ShiftedRegressed += outcome.ShiftedRegressed;
            total.ShiftedUnchanged += outcome.ShiftedUnchanged;
            total.ShiftedInconclusive += outcome.ShiftedInconclusive;
        }

        return total;
    }

    private static ChangeAnalysis[] Analyses(Scenario scenario, ChangeAnalysisOptions options, Random random)
    {
        var analyses = new ChangeAnalysis[scenario.Metrics];
        for (var metric = 0; metric < scenario.Metrics; metric++)
        {
            var shift = metric < scenario.Shifted ? scenario.Shift : 0;
            var baseline = Draw(scenario, random, 0);
            var head = Draw(scenario, random, shift);
            analyses[metric] = ChangeAnalyzer.Analyze(baseline, head, options);
        }

        return analyses;
    }

    private static Outcome Count(Scenario scenario, IReadOnlyList<JudgedChange> judged)
    {
        var outcome = new Outcome { Trials = 1, ShiftedJudged = scenario.Shifted };
        for (var metric = 0; metric < judged.Count; metric++)
        {
            var verdict = judged[metric].Verdict;
            if (metric >= scenario.Shifted)
            {
                outcome.FamilyFalseAlarms = verdict == Verdict.Regressed ? 1 : outcome.FamilyFalseAlarms;
                continue;
            }

            outcome.ShiftedRegressed += verdict == Verdict.Regressed ? 1 : 0;
            outcome.ShiftedUnchanged += verdict == Verdict.Unchanged ? 1 : 0;
            outcome.ShiftedInconclusive += verdict == Verdict.Inconclusive ? 1 : 0;
        }

        return outcome;
    }

    private static double[] Draw(Scenario scenario, Random random, double shift)
    {
        var values = new double[scenario.Runs];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = scenario.Noise.Sample(random, shift);
        }

        return values;
    }
}
