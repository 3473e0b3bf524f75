using System.Text.Json.Serialization;

namespace RustScope.Core.Model;

/// <summary>Why an adaptive series (<c>--runs auto</c>) stopped adding runs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdaptiveStop>))]
public enum AdaptiveStop
{
    /// <summary>Every gated metric was decided (Regressed, Improved, Unchanged, or invalid data).</summary>
    [JsonStringEnumMemberName("decided")] Decided,

    /// <summary><c>--max-runs</c> was reached.</summary>
    [JsonStringEnumMemberName("max_runs")] MaxRuns,

    /// <summary><c>--max-time</c> elapsed.</summary>
    [JsonStringEnumMemberName("max_time")] MaxTime,
}
