using System.Text.Json.Serialization;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>The outcome of comparing a head session with a baseline (or checking it against budgets).</summary>
public sealed record ComparisonResult
{
    /// <summary>Schema version of the comparison JSON.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Where the baseline came from (a path), null for budget-only checks.</summary>
    public string? Baseline { get; init; }

    /// <summary>Where head came from (a path).</summary>
    public required string Head { get; init; }

    /// <summary>The budget file used, if any.</summary>
    public string? BudgetFile { get; init; }

    /// <summary>Significance level, before correction.</summary>
    public required double Alpha { get; init; }

    /// <summary>The multiple-comparison correction: <c>holm</c> or <c>benjamini-hochberg</c>.</summary>
    public required string Correction { get; init; }

    /// <summary>The per-target verdicts.</summary>
    public required IReadOnlyList<TargetComparison> Targets { get; init; }

    /// <summary>Set when head's runs were chosen by <c>--runs auto</c>: the looks the verdicts were reached at.</summary>
    public SequentialOutcome? Sequential { get; init; }

    /// <summary>Things a reviewer must know: single runs, host mismatch, invalid data.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every metric of every target.</summary>
    [JsonIgnore]
    public IEnumerable<MetricComparison> AllMetrics => Targets.SelectMany(t => t.Metrics);

    /// <summary>How many metrics got <paramref name="verdict"/>.</summary>
    public int Count(Verdict verdict)
    {
        var count = 0;
        foreach (var metric in AllMetrics)
        {
            count += metric.Verdict == verdict ? 1 : 0;
        }

        return count;
    }

    /// <summary>Whether the gate fails: a metric with a verdict that <see cref="GateRule.Fails"/>.</summary>
    public bool Failed(FailOn failOn)
    {
        foreach (var metric in AllMetrics)
        {
            if (failOn.Fails(metric.Verdict))
            {
                return true;
            }
        }

        return false;
    }
}
