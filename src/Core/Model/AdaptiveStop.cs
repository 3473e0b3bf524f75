using System.Text.Json.Serialization;

namespace RustScope.Core.Model;

/// <summary>Why an adaptive series (<c>--runs auto</c>) stopped adding runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdaptiveStop>))]
public enum AdaptiveStop
{
    /// <summary>Every gated metric was decided: Regressed, Improved or Unchanged.</summary>
    [JsonStringEnumMemberName("decided")] Decided,

    /// <summary>A metric regressed or its data were invalid: the gate fails whatever more runs would show.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary><c>--max-runs</c> was reached.</summary>
    [JsonStringEnumMemberName("max_runs")] MaxRuns,

    /// <summary><c>--max-time</c> elapsed.</summary>
    [JsonStringEnumMemberName("max_time")] MaxTime,
}
