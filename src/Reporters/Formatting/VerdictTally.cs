using RustScope.Core.Comparison;
using RustScope.Core.Statistics;

namespace RustScope.Reporters.Formatting;

/// <summary>
/// What a report's headline needs of all the metrics, gathered in one pass: how many got each verdict and the most
/// runs any undecided one needs. A headline of 70 000 metrics must not walk them once for the gate, once for the
/// counts and once for the runs.
/// </summary>
internal sealed class VerdictTally
{
    // A verdict is its own index: the enum is numbered from 0.
    private readonly int[] _counts = new int[Enum.GetValues<Verdict>().Length];

    private VerdictTally()
    {
    }

    /// <summary>The most runs a side that any inconclusive metric needs to be decided; null when none says.</summary>
    public int? MostRunsNeeded { get; private set; }

    /// <summary>How many metrics got <paramref name="verdict"/>.</summary>
    public int this[Verdict verdict] => _counts[(int)verdict];

    /// <summary>Counts the verdicts of every metric of <paramref name="result"/>.</summary>
    public static VerdictTally Of(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tally = new VerdictTally();
        foreach (var target in result.Targets)
        {
            var metrics = target.Metrics;
            for (var i = 0; i < metrics.Count; i++)
            {
                var metric = metrics[i];
                tally._counts[(int)metric.Verdict]++;
                if (metric.Verdict == Verdict.Inconclusive && metric.RunsNeeded is { } needed && !(tally.MostRunsNeeded >= needed))
                {
                    tally.MostRunsNeeded = needed;
                }
            }
        }

        return tally;
    }

    /// <summary>Whether the gate fails: some metric has a verdict that <paramref name="failOn"/> fails.</summary>
    public bool Fails(FailOn failOn)
    {
        for (var verdict = 0; verdict < _counts.Length; verdict++)
        {
            if (_counts[verdict] > 0 && failOn.Fails((Verdict)verdict))
            {
                return true;
            }
        }

        return false;
    }
}
