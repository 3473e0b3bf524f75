using System.Text.Json.Serialization;

namespace RustScope.Core.Model;

/// <summary>How function data was collected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FunctionSource>))]
public enum FunctionSource
{
    /// <summary>From CPU stack sampling (EventPipe or perf).</summary>
    [JsonStringEnumMemberName("sampled")] Sampled,

    /// <summary>From in-process instrumentation (RustScope.Profiling).</summary>
    [JsonStringEnumMemberName("instrumented")] Instrumented,
}
