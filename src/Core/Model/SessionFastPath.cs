using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RustScope.Core.Model;

/// <summary>
/// Reads well-formed sessions without the serializer's constructor path (which boxes every number of an init-only
/// record into an argument array): the records a session holds by the ten thousand are read by hand-written
/// converters, which take only what the metadata reads the same way.
/// Anything else (a malformed or unusual document, or a property a converter does not know: a field added to a record
/// and not to its converter is then read, not dropped) is a miss, and the caller reads the document again through
/// <see cref="SessionJsonContext"/>, whose results and located errors stay the contract.
/// </summary>
/// <remarks>
/// The converters' read methods are compiled optimized at their first call (AggressiveOptimization): one read calls
/// them some 100 000 times, and running the first 5 000 calls of each (the tool's call-count threshold) as tier-0 code
/// cost more than compiling them once (measured: benchmarks/results/compare-read-20261206.txt).
/// </remarks>
internal static class SessionFastPath
{
    // The metadata's options, so everything the converters leave to the serializer is read exactly as before.
    private static readonly JsonTypeInfo<ProfileSession> Session = (JsonTypeInfo<ProfileSession>)new JsonSerializerOptions(SessionJsonContext.Default.Options)
    {
        Converters = { new LatencyStatsConverter(), new FunctionProfileConverter(), new BenchmarkResultConverter(), new RunFunctionAggregateConverter(), new RunBenchmarkAggregateConverter() },
    }.GetTypeInfo(typeof(ProfileSession));

    /// <summary>The session <paramref name="utf8Json"/> holds, or null when it is not plain enough for the fast path.</summary>
    public static ProfileSession? TryRead(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, Session);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
