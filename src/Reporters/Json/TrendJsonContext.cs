using System.Text.Json.Serialization;
using RustScope.Reporters.Html;

namespace RustScope.Reporters.Json;

/// <summary>Source-generated JSON of the trend page's data: snake_case like the session, compact, NaN and ∞ as null.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(FiniteNumberConverter)])]
[JsonSerializable(typeof(TrendPayload))]
internal sealed partial class TrendJsonContext : JsonSerializerContext;
