using System.Text.Json.Serialization;

namespace RustScope.Core.Statistics;

/// <summary>The judgement on one metric of head against the baseline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    /// <summary>Significantly worse than the baseline by more than the threshold.</summary>
    [JsonStringEnumMemberName("regressed")] Regressed,

    /// <summary>An absolute budget is broken, whatever the baseline says.</summary>
    [JsonStringEnumMemberName("budget_exceeded")] BudgetExceeded,

    /// <summary>Significantly better than the baseline by more than the threshold.</summary>
    [JsonStringEnumMemberName("improved")] Improved,

    /// <summary>Shown equivalent: the change is inside ± the threshold.</summary>
    [JsonStringEnumMemberName("unchanged")] Unchanged,

    /// <summary>Checked against its absolute budget only (no baseline) and within it; says nothing about a change.</summary>
    [JsonStringEnumMemberName("within_budget")] WithinBudget,

    /// <summary>Shown with its change but not judged, because neither direction is worse without a budget (call counts).</summary>
    [JsonStringEnumMemberName("not_judged")] NotJudged,

    /// <summary>Neither a change nor equivalence could be shown with the samples at hand.</summary>
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,

    /// <summary>
    /// Wall time changed significantly, but base and head ran under materially different machine conditions and the
    /// CPU time does not agree: the change is the machine's, not the code's (<see cref="Comparison.EnvironmentDrift"/>).
    /// </summary>
    [JsonStringEnumMemberName("environment_changed")] EnvironmentChanged,

    /// <summary>Only in head.</summary>
    [JsonStringEnumMemberName("new")] New,

    /// <summary>Only in the baseline.</summary>
    [JsonStringEnumMemberName("missing")] Missing,

    /// <summary>The data cannot be judged (NaN, negative durations, empty samples); the reason says why.</summary>
    [JsonStringEnumMemberName("invalid")] Invalid,
}
