using System.Net.Http.Headers;

namespace RustScope.Cli.GitHub;

/// <summary>
/// Reads the <c>rel="next"</c> target of an RFC 8288 <c>Link</c> header, GitHub's pagination protocol:
/// <c>&lt;https://api.github.com/…?page=2&gt;; rel="next", &lt;…?page=5&gt;; rel="last"</c>.
/// </summary>
internal static class LinkHeader
{
    public static Uri? Next(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            var target = parts[0];
            var isNext = parts.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "rel=\"next\"" or "rel=next");
            if (isNext && target.StartsWith('<') && target.EndsWith('>') && Uri.TryCreate(target[1..^1], UriKind.Absolute, out var uri))
            {
                return uri;
            }
        }

        return null;
    }
}
