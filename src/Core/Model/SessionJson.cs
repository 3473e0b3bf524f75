using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;

namespace RustScope.Core.Model;

/// <summary>Reads and writes ProfileSession JSON: atomic writes, validating reads with located errors.</summary>
public static class SessionJson
{
    /// <summary>The schema version this build writes and the newest it reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Serializes a session to UTF-8 JSON, stamping the current schema version.</summary>
    public static byte[] Serialize(ProfileSession session)
    {
        var current = session with { SchemaVersion = CurrentSchemaVersion };
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(current, SessionJsonWriteContext.Default.ProfileSession);
        }
        catch (ArgumentException)
        {
            // The fast path refuses NaN and infinities; the metadata path writes them as named literals (or throws
            // the same error again when something else was wrong).
            return JsonSerializer.SerializeToUtf8Bytes(current, SessionJsonContext.Default.ProfileSession);
        }
    }

    /// <summary>
    /// Writes a session as one JSON value into <paramref name="writer"/>, stamping the current schema version; the
    /// writer's options decide indentation and escaping (the HTML report embeds it unindented).
    /// </summary>
    public static void Serialize(Utf8JsonWriter writer, ProfileSession session) =>
        JsonSerializer.Serialize(writer, session with { SchemaVersion = CurrentSchemaVersion }, SessionJsonContext.Default.ProfileSession);

    /// <summary>Writes a session atomically: a crash never leaves a half-written file at <paramref name="path"/>.</summary>
    public static void Write(ProfileSession session, string path) => AtomicFile.WriteAllBytes(path, Serialize(session));

    /// <summary>
    /// Does the writer's first-use work for sessions by writing an empty one, so that a tool with idle time before its
    /// first write does not spend it at exit. Only the write: warming the reader too would build System.Text.Json's
    /// metadata for every session type, generic code that ReadyToRun cannot precompile, which a run whose target
    /// flushes no session never needs (what it cost: docs/sampling.md, "Cost").
    /// </summary>
    public static void Warm()
    {
        var empty = new ProfileSession
        {
            SchemaVersion = CurrentSchemaVersion,
            Meta = new SessionMeta { Project = "", StartTs = 0, TargetBinary = "" },
            Summary = new SessionSummary { DurationS = 0, CpuPctMean = 0, CpuPctMax = 0, PeakRssMb = 0, PeakThreads = 0, PeakFds = 0, EventCount = 0 },
        };
        Serialize(empty);
    }

    /// <summary>Reads and validates a session file.</summary>
    /// <exception cref="InputException">The file is missing, malformed, incomplete or from a newer RustScope.</exception>
    public static ProfileSession Read(string path)
    {
        return Parse(InputFile.ReadAllBytes(path, InputFile.SessionLimit, DiagnosticCodes.SessionUnreadable, "session"), path);
    }

    /// <summary>Parses and validates session JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InputException">The JSON is malformed, incomplete or from a newer RustScope.</exception>
    public static ProfileSession Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        // The version is checked before the shape: a newer file may not fit v1 records at all.
        CheckSchemaVersion(utf8Json, sourceName);
        var session = SessionFastPath.TryRead(utf8Json) ?? Deserialize(utf8Json, sourceName);
        StackIndexCheck.Validate(session, sourceName);
        return session;
    }

    /// <summary>
    /// Reads session JSON through the serializer's metadata: what every session reads as, and the reader that reports
    /// what is wrong with a file the fast path gave up on.
    /// </summary>
    /// <exception cref="InputException">The JSON is malformed or incomplete.</exception>
    internal static ProfileSession Deserialize(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, SessionJsonContext.Default.ProfileSession)
                ?? throw new InputException(new Diagnostic(sourceName, 1, 1, DiagnosticCodes.SessionInvalid, "session is null"));
        }
        catch (JsonException e)
        {
            throw new InputException(Located(sourceName, e));
        }
    }

    private static void CheckSchemaVersion(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InputException(new Diagnostic(sourceName, 1, 1, DiagnosticCodes.SessionInvalid, "a session must be a JSON object"));
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (!reader.ValueTextEquals("schema_version"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version) && version > CurrentSchemaVersion)
                {
                    var (line, column) = Position(utf8Json, reader.TokenStartIndex);
                    throw new InputException(new Diagnostic(sourceName, line, column, DiagnosticCodes.SessionTooNew,
                        $"schema_version {version} is newer than this RustScope reads (up to {CurrentSchemaVersion}); upgrade RustScope")
                    {
                        JsonPath = "$.schema_version",
                    });
                }

                return;
            }
        }
        catch (JsonException e)
        {
            throw new InputException(Located(sourceName, e));
        }
    }

    /// <summary>
    /// True when <paramref name="utf8Json"/> is an object with a top-level <c>schema_version</c>: a session, which then
    /// needs no document built to tell it from the other JSON formats (a 36 MB session would cost twice its size).
    /// </summary>
    internal static bool DeclaresSchemaVersion(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("schema_version"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed: the full parse reports where.
        }

        return false;
    }

    // One-based line and column (in bytes, as JsonException counts) of a byte offset.
    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8Json, long offset)
    {
        var before = utf8Json[..(int)offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, before.Length - lineStart + 1);
    }

    private static Diagnostic Located(string sourceName, JsonException e)
    {
        // JsonException positions are zero-based; editors count from one.
        var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
        var column = e.BytePositionInLine is { } c ? (int)c + 1 : (int?)null;
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return new Diagnostic(sourceName, line, column, DiagnosticCodes.SessionInvalid, InJsonTerms(message, e.Path)) { JsonPath = e.Path };
    }

    /// <summary>
    /// The serializer names the .NET record a required property is missing from ("JSON deserialization for type
    /// 'RustScope.Core.Model.SessionMeta' was missing required properties including: 'target_binary'."); the user
    /// knows the file, not our types, so the message names the JSON object instead.
    /// </summary>
    private static string InJsonTerms(string message, string? jsonPath)
    {
        const string Missing = "was missing required properties including: ";
        var at = message.IndexOf(Missing, StringComparison.Ordinal);
        if (at < 0)
        {
            return message;
        }

        var fields = message[(at + Missing.Length)..].TrimEnd('.', ' ');
        var plural = fields.Contains(',', StringComparison.Ordinal) ? "s" : string.Empty;
        return $"the object at {jsonPath ?? "$"} is missing the required field{plural} {fields}";
    }
}
