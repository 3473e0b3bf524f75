using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RustScope.Core.Model;

/// <summary>
/// A session fast path converter (<see cref="SessionFastPath"/>): it reads its record by hand and writes it as the
/// serializer's metadata does, so only reading changes.
/// </summary>
/// <typeparam name="T">The record it reads.</typeparam>
/// <param name="metadata">The record's metadata in <see cref="SessionJsonContext"/>.</param>
internal abstract class FastPathConverter<T>(JsonTypeInfo<T> metadata) : JsonConverter<T>
{
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, metadata);
}
