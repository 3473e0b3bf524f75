using System.Globalization;
using RustScope.Core.Diagnostics;

namespace RustScope.Core.IO;

/// <summary>
/// Reads an input file whole, but never more than a limit: a path such as <c>/dev/zero</c> or a runaway FIFO reports
/// its size instead of growing the process to gigabytes. The limits are far above any file RustScope writes.
/// </summary>
internal static class InputFile
{
    /// <summary>The most bytes a session or profile may have, compressed or decompressed.</summary>
    public const long SessionLimit = 512L << 20;

    /// <summary>The most bytes a budget file may have.</summary>
    public const long BudgetLimit = 16L << 20;

    /// <summary>The bytes of <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file cannot be read or holds more than <paramref name="limit"/> bytes.</exception>
    public static byte[] ReadAllBytes(string path, long limit, string code, string what)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
            return Read(file, limit, path, code, what);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(path, null, null, code, $"cannot read {what}: {e.Message}"));
        }
    }

    /// <summary>All of <paramref name="stream"/>, when it ends within <paramref name="limit"/> bytes.</summary>
    /// <exception cref="InputException">The stream holds more than <paramref name="limit"/> bytes.</exception>
    public static byte[] Read(Stream stream, long limit, string sourceName, string code, string what)
    {
        // A regular file's length sizes the buffer; devices and pipes report none and grow it as they are read.
        using var bytes = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, limit) : 0);
        var buffer = new byte[81_920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (bytes.Length + read > limit)
            {
                throw new InputException(new Diagnostic(sourceName, null, null, code, string.Create(CultureInfo.InvariantCulture,
                    $"{what} is larger than {limit >> 20} MiB, the most RustScope reads; is it the right file?")));
            }

            bytes.Write(buffer, 0, read);
        }

        // A file read at the size it announced is returned as is, not copied: a session can be a gigabyte.
        return bytes.Length == bytes.Capacity ? bytes.GetBuffer() : bytes.ToArray();
    }
}
