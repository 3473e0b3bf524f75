using System.Text.Json.Serialization;

namespace RustScope.Core.Model;

/// <summary>
/// Writes sessions through the source generator's fast path only (no property metadata): the metadata's generic code
/// over value types cannot be precompiled by ReadyToRun outside System.Text.Json, and the JIT compiling it at the
/// first write was most of a short <c>rustscope run</c>'s own CPU (docs/sampling.md, "Cost"). The fast path cannot
/// write NaN or infinities (System.Text.Json only takes it without named floating-point literals), so a session
/// holding one is written through <see cref="SessionJsonContext"/>, which reads every session and must otherwise
/// keep the same options.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProfileSession))]
internal sealed partial class SessionJsonWriteContext : JsonSerializerContext;
