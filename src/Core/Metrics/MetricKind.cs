using System.Text.Json.Serialization;

namespace RustScope.Core.Metrics;

/// <summary>What a compared metric belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricKind>))]
public enum MetricKind
{
    /// <summary>The whole process tree (wall time, peak RSS, CPU mean).</summary>
    [JsonStringEnumMemberName("process")] Process,

    /// <summary>One function.</summary>
    [JsonStringEnumMemberName("function")] Function,

    /// <summary>One benchmark.</summary>
    [JsonStringEnumMemberName("benchmark")] Benchmark,
}
