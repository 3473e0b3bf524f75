using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Model;

namespace RustScope.Reporters.Formatting;

/// <summary>The sentence every report gives a comparison whose runs <c>--runs auto</c> chose.</summary>
public static class SequentialText
{
    /// <summary>"13 runs a side chosen by --runs auto (every gated metric decided; at most 30), looked at after 5, 6, 8, 10 and 13 runs, each look at its share of alpha".</summary>
    public static string Describe(SequentialOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var stop = outcome.Stop switch
        {
            AdaptiveStop.Decided => "every gated metric decided",
            AdaptiveStop.Failed => "a regression decided the gate",
            AdaptiveStop.MaxRuns => "stopped by --max-runs",
            _ => "stopped by --max-time",
        };
        var looks = outcome.Looks.Select(static l => l.Runs.ToString(CultureInfo.InvariantCulture)).ToList();
        var listed = looks.Count == 1 ? looks[0] : $"{string.Join(", ", looks.SkipLast(1))} and {looks[^1]}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Runs} runs a side chosen by --runs auto ({stop}; at most {outcome.MaxRuns}), looked at after {listed} runs, each look at its share of alpha");
    }
}
