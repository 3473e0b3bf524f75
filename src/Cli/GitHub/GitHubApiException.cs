using System.Net;

namespace RustScope.Cli.GitHub;

/// <summary>GitHub answered a REST call with an error status that retrying did not cure.</summary>
/// <param name="responseStart">The start of the error body (read bounded, see <see cref="BoundedBody"/>).</param>
/// <param name="rateLimited">The answer was a primary or secondary rate limit (429, or 403 with <c>Retry-After</c> or no requests left).</param>
internal sealed class GitHubApiException(HttpStatusCode status, string request, string responseStart, bool rateLimited = false)
    : Exception($"GitHub answered {(int)status} {status} to {request}{(rateLimited ? " (rate limited; retries exhausted)" : "")}: {Shorten(responseStart)}")
{
    public HttpStatusCode Status { get; } = status;

    public bool RateLimited { get; } = rateLimited;

    // GitHub error bodies are small JSON documents; a proxy's HTML error page is not worth printing whole.
    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
