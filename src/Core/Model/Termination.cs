using System.Text.Json.Serialization;

namespace RustScope.Core.Model;

/// <summary>How a profiling session ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Termination>))]
public enum Termination
{
    /// <summary>The target exited on its own.</summary>
    [JsonStringEnumMemberName("exited")] Exited,

    /// <summary>The target died of a signal it did not get from RustScope.</summary>
    [JsonStringEnumMemberName("signaled")] Signaled,

    /// <summary>The user interrupted RustScope (Ctrl-C or SIGTERM).</summary>
    [JsonStringEnumMemberName("interrupted")] Interrupted,

    /// <summary>The <c>--duration</c> elapsed.</summary>
    [JsonStringEnumMemberName("timeout")] Timeout,
}
