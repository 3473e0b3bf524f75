using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Reads whatever a command is given, recognised by content rather than by name: a RustScope session, a
/// BenchmarkDotNet full JSON export, collapsed stacks, pprof (gzip-compressed or not), speedscope JSON or the Firefox
/// Profiler's processed format (samply's, gzip-compressed or not). The profile formats become a session whose
/// <see cref="ProfileSession.Stacks"/> hold the data.
/// </summary>
public static class SessionInput
{
    /// <summary>Loads and validates <paramref name="path"/>, whichever kind it is.</summary>
    /// <exception cref="InputException">The file is unreadable, malformed or of no kind RustScope reads.</exception>
    public static ProfileSession Load(string path)
    {
        return Parse(InputFile.ReadAllBytes(path, InputFile.SessionLimit, DiagnosticCodes.SessionUnreadable, "the input"), path);
    }

    /// <summary>
    /// Loads two inputs as <see cref="Load"/> does, at the same time on two threads (a large session takes a core's
    /// worth of parsing). When both fail, the error of <paramref name="first"/> is the one thrown, as when they were
    /// loaded one after the other.
    /// </summary>
    /// <exception cref="InputException">A file is unreadable, malformed or of no kind RustScope reads.</exception>
    public static (ProfileSession First, ProfileSession Second) LoadBoth(string first, string second)
    {
        var loadingSecond = Task.Run(() => Load(second));
        ProfileSession loadedFirst;
        try
        {
            loadedFirst = Load(first);
        }
        catch
        {
            // The second's outcome no longer matters, but no read outlives the call.
            Task.WaitAny(loadingSecond);
            _ = loadingSecond.Exception;
            throw;
        }

        return (loadedFirst, loadingSecond.GetAwaiter().GetResult());
    }

    /// <summary>Reads <paramref name="bytes"/> as <see cref="Load"/> reads a file; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="InputException">The bytes are malformed or of no kind RustScope reads.</exception>
    public static ProfileSession Parse(byte[] bytes, string sourceName)
    {
        var compressed = Gzip.IsCompressed(bytes);
        var data = compressed ? Gzip.Decompress(bytes, sourceName) : bytes;
        return InputSniffer.Sniff(data) switch
        {
            InputKind.Json => Json(data, sourceName, compressed),
            InputKind.Text => ImportedSession.Of(Collapsed(data, sourceName), sourceName, "collapsed"),
            InputKind.Binary => Pprof(data, sourceName),
            _ => throw new InputException(new Diagnostic(sourceName, null, null, DiagnosticCodes.InputFormatUnknown,
                "the file is empty: expected a session, collapsed stacks, pprof, speedscope or a Firefox Profiler profile")),
        };
    }

    private static ProfileSession Json(byte[] data, string sourceName, bool compressed)
    {
        if (SessionJson.DeclaresSchemaVersion(data))
        {
            return SessionJson.Parse(data, sourceName);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException) when (!compressed)
        {
            return SessionJson.Parse(data, sourceName); // it reports the syntax error at its line and column, as ever
        }
        catch (JsonException)
        {
            // In decompressed data, lines and columns still point at the JSON the user would see after gunzip.
            document = JsonInput.Parse(data, sourceName, DiagnosticCodes.SessionInvalid);
        }

        using (document)
        {
            var root = document.RootElement;
            if (BenchmarkDotNetImport.IsExport(root))
            {
                return BenchmarkDotNetImport.ToSession(root, sourceName);
            }

            if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("schema_version", out _))
            {
                if (SpeedscopeFormat.IsSpeedscope(root))
                {
                    var (stacks, wait) = SpeedscopeFormat.ReadWithWait(root, sourceName);
                    return ImportedSession.Of(stacks, sourceName, "speedscope") with { WaitStacks = wait };
                }

                if (FirefoxProfileFormat.IsProcessedProfile(root))
                {
                    return FirefoxProfileFormat.ReadSession(root, sourceName);
                }
            }
        }

        return SessionJson.Parse(data, sourceName);
    }

    private static ProfileSession Pprof(byte[] data, string sourceName)
    {
        var (stacks, wait) = PprofFormat.ReadWithWait(data, sourceName);
        return ImportedSession.Of(stacks, sourceName, "pprof") with { WaitStacks = wait };
    }

    private static StackProfile Collapsed(byte[] data, string sourceName)
    {
        using var reader = new StreamReader(new MemoryStream(data, writable: false), detectEncodingFromByteOrderMarks: true);
        return CollapsedStacks.Parse(reader, sourceName);
    }
}
