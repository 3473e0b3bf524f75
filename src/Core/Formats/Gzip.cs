using System.IO.Compression;
using RustScope.Core.Diagnostics;

namespace RustScope.Core.Formats;

/// <summary>gzip as profile files use it: pprof always, samply's <c>.json.gz</c>, any format gzipped by hand.</summary>
internal static class Gzip
{
    // RFC 1952: every member starts with ID1 ID2 = 1f 8b.
    public static bool IsCompressed(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <exception cref="InputException">The stream is corrupt or truncated.</exception>
    public static byte[] Decompress(byte[] bytes, string sourceName)
    {
        using var compressed = new MemoryStream(bytes, writable: false);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        try
        {
            gzip.CopyTo(plain);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(sourceName, e.Message, compressed.Position);
        }

        // A truncated member ends the stream early without an error from GZipStream on every runtime; an empty result
        // from a non-empty file is the visible symptom.
        return plain.Length == 0 ? throw Corrupt(sourceName, "the gzip stream holds no data", compressed.Position) : plain.ToArray();
    }

    private static InputException Corrupt(string sourceName, string reason, long offset) =>
        new(new Diagnostic(sourceName, null, null, DiagnosticCodes.InputFormatUnknown,
            $"corrupt gzip data: {reason.TrimEnd('.')} (near byte {offset} of the file)"));
}
