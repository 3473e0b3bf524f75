using RustScope.Core.Statistics;

namespace RustScope.Benchmarks.Detection;

/// <summary>
/// Simulates <c>rustscope ab --runs auto</c>: interleaved pairs of many metrics (the first of them shifted), looked at on the
/// schedule of <see cref="SequentialLooks"/>, each look judging every metric with the paired test at its share of alpha
/// and keeping the first decision of each, stopping once none is inconclusive or one regressed — the rule of
/// <c>SequentialStop</c>. The same draws are also judged once at a fixed short and long run count at the full alpha.
/// </summary>
internal static class SequentialSimulation
{
    public static SequentialTally Run(NoiseModel noise, double shift, int metrics, int shortRuns, int maxRuns, int trials, int seed)
    {
        var options = ChangeAnalysisOptions.Default with { Paired = true };
        var perTrial = new SequentialTally[trials];
        Parallel.For(0, trials, trial =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + trial));
            var baseline = new double[metrics][];
            var head = new double[metrics][];
            for (var metric = 0; metric < metrics; metric++)
            {
                baseline[metric] = Draw(noise, random, 0, maxRuns);
                head[metric] = Draw(noise, random, metric == 0 ? shift : 0, maxRuns);
            }

            var tally = new SequentialTally { Trials = 1 };
            var (sequential, runs) = Sequential(baseline, head, maxRuns, options);
            tally.RunsUsed = runs;
            Count(tally, 0, sequential, shift != 0);
            Count(tally, 1, Fixed(baseline, head, shortRuns, options), shift != 0);
            Count(tally, 2, Fixed(baseline, head, maxRuns, options), shift != 0);
            perTrial[trial] = tally;
        });
        var total = new SequentialTally();
        foreach (var tally in perTrial)
        {
            total.Add(tally);
        }

        return total;
    }

    private static (Verdict[] Verdicts, int Runs) Sequential(double[][] baseline, double[][] head, int maxRuns, ChangeAnalysisOptions options)
    {
        var decided = new Verdict?[baseline.Length];
        var looks = new List<int>();
        IReadOnlyList<JudgedChange> judged = [];
        for (var runs = SequentialLooks.FirstLook; ; runs = SequentialLooks.Next(runs, maxRuns))
        {
            looks.Add(runs);
            var alpha = SequentialLooks.Levels(looks, maxRuns, options.Alpha, spendRest: runs == maxRuns)[^1];
            judged = Judge(baseline, head, runs, options with { Alpha = alpha });
            for (var metric = 0; metric < decided.Length; metric++)
            {
                if (decided[metric] is null && judged[metric].Verdict is Verdict.Regressed or Verdict.Improved or Verdict.Unchanged)
                {
                    decided[metric] = judged[metric].Verdict;
                }
            }

            if (runs == maxRuns || decided.All(static v => v is not null) || decided.Any(static v => v == Verdict.Regressed))
            {
                return ([.. decided.Select((v, i) => v ?? judged[i].Verdict)], runs);
            }
        }
    }

    private static Verdict[] Fixed(double[][] baseline, double[][] head, int runs, ChangeAnalysisOptions options) =>
        [.. Judge(baseline, head, runs, options).Select(static j => j.Verdict)];

    private static IReadOnlyList<JudgedChange> Judge(double[][] baseline, double[][] head, int runs, ChangeAnalysisOptions options) =>
        FamilyJudge.Judge([.. Enumerable.Range(0, baseline.Length).Select(m => ChangeAnalyzer.Analyze(baseline[m].AsSpan(0, runs).ToArray(), head[m].AsSpan(0, runs).ToArray(), options))], options);

    private static void Count(SequentialTally tally, int policy, Verdict[] verdicts, bool shifted)
    {
        tally.Found[policy] += shifted && verdicts[0] == Verdict.Regressed ? 1 : 0;
        tally.FalseAlarms[policy] += verdicts.Skip(shifted ? 1 : 0).Any(static v => v == Verdict.Regressed) ? 1 : 0;
    }

    private static double[] Draw(NoiseModel noise, Random random, double shift, int runs)
    {
        var values = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            values[i] = noise.Sample(random, shift);
        }

        return values;
    }
}
