using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>Reads what <c>compare</c> and <c>check</c> accept: a RustScope session or a BenchmarkDotNet full JSON export.</summary>
public static class SessionInput
{
    /// <summary>Loads and validates <paramref name="path"/>, whichever of the two it is.</summary>
    /// <exception cref="InputException">The file is unreadable, malformed or of neither kind.</exception>
    public static ProfileSession Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(path, null, null, DiagnosticCodes.SessionUnreadable, $"cannot read: {e.Message}"));
        }

        if (LooksLikeBenchmarkDotNet(bytes, out var document))
        {
            using (document)
            {
                return BenchmarkDotNetImport.ToSession(document!.RootElement, path);
            }
        }

        return SessionJson.Parse(bytes, path);
    }

    private static bool LooksLikeBenchmarkDotNet(byte[] bytes, out JsonDocument? document)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return false; // SessionJson reports the syntax error with its location
        }

        if (BenchmarkDotNetImport.IsExport(document.RootElement))
        {
            return true;
        }

        document.Dispose();
        document = null;
        return false;
    }
}
