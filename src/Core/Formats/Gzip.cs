using System.Buffers.Binary;
using System.IO.Compression;
using RustScope.Core.Diagnostics;
using RustScope.Core.IO;

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
        byte[] plain;
        try
        {
            // A gzip bomb expands a thousandfold: bounded like any input.
            plain = InputFile.Read(gzip, InputFile.SessionLimit, sourceName, DiagnosticCodes.InputFormatUnknown, "the decompressed input");
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(sourceName, e.Message, compressed.Position);
        }

        // GZipStream ends a truncated stream quietly. The trailer's last four bytes (ISIZE, RFC 1952) hold the
        // uncompressed length modulo 2^32: a mismatch is a cut file. (Of several concatenated members ISIZE covers only
        // the last; profile writers emit one.)
        return bytes.Length < 18 || plain.Length == 0 || (uint)plain.Length != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4))
            ? throw Corrupt(sourceName, $"the stream is truncated ({plain.Length} bytes decompressed)", bytes.Length)
            : plain;
    }

    private static InputException Corrupt(string sourceName, string reason, long offset) =>
        new(new Diagnostic(sourceName, null, null, DiagnosticCodes.InputFormatUnknown,
            $"corrupt gzip data: {reason.TrimEnd('.')} (near byte {offset} of the file)"));
}
