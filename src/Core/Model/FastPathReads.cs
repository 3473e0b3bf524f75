using System.Text.Json;

namespace RustScope.Core.Model;

/// <summary>
/// The value reads the session fast path's converters share. Each takes only the plain form that the serializer's
/// metadata reads to the same value (a number, a string, an exact enum name, a property it knows, seen once) and otherwise
/// throws <see cref="Miss"/>: <see cref="SessionJson"/> then reads the whole document again through the metadata,
/// which either reads the unusual form or reports what is wrong at its line and column, exactly as before.
/// </summary>
internal static class FastPathReads
{
    /// <summary>Gives up on the fast path; the message is never shown, the document is read again.</summary>
    public static JsonException Miss() => new("not on the session fast path");

    /// <summary>Checks that the reader stands on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Miss();
        }
    }

    /// <summary>Moves to the next property name of the object being read; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.PropertyName;

    /// <summary>Moves from a property name to its value, once per property: a duplicate leaves the fast path.</summary>
    public static void Value(ref Utf8JsonReader reader, ref int seen, int property)
    {
        if ((seen & property) != 0 || !reader.Read())
        {
            throw Miss();
        }

        seen |= property;
    }

    /// <summary>Checks that every required property was read.</summary>
    public static void Require(int seen, int required)
    {
        if ((seen & required) != required)
        {
            throw Miss();
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) => reader.Read() ? reader.TokenType : throw Miss();

    public static double Double(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) ? value : throw Miss();

    public static double? NullableDouble(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    public static long Int64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Miss();

    public static long? NullableInt64(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    public static int Int32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Miss();

    public static int? NullableInt32(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    public static string String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Miss();

    public static string? NullableString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    /// <summary>An array of numbers, as the serializer reads an <c>IReadOnlyList&lt;double&gt;</c>: into a <see cref="List{T}"/>.</summary>
    public static List<double> Doubles(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Miss();
        }

        var values = new List<double>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            values.Add(Double(ref reader));
        }

        return values;
    }

    /// <summary>An array of integers or null, as the serializer reads an <c>IReadOnlyList&lt;long&gt;?</c>.</summary>
    public static List<long>? NullableInt64s(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Miss();
        }

        var values = new List<long>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            values.Add(Int64(ref reader));
        }

        return values;
    }
}
