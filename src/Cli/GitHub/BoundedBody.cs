using System.Text;

namespace RustScope.Cli.GitHub;

/// <summary>
/// Reads a response body up to a limit, so a hostile or broken server cannot make rustscope buffer without end:
/// error bodies are read for their first <see cref="ErrorLimit"/> bytes only, and a page of comments larger than
/// <see cref="PageLimit"/> is refused.
/// </summary>
internal static class BoundedBody
{
    /// <summary>Enough for any GitHub error document, and for a proxy's error page's first lines.</summary>
    public const int ErrorLimit = 64 * 1024;

    /// <summary>A page of 100 comments of GitHub's maximum 65,536 characters, each up to 4 bytes in UTF-8, is 26 MB.</summary>
    public const int PageLimit = 32 * 1024 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/> (then only that much was read).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, int limit, CancellationToken cancel)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1L - buffer.Length)), cancel).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return null;
                }
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The start of an error body as text, at most <see cref="ErrorLimit"/> bytes of it.</summary>
    public static async Task<string> ErrorStartAsync(HttpContent content, CancellationToken cancel)
    {
        var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ErrorLimit];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancel).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
    }
}
