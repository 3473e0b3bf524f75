using System.Net;

namespace RustScope.Cli.GitHub;

/// <summary>GitHub answered a REST call with an error status that retrying does not cure.</summary>
internal sealed class GitHubApiException(HttpStatusCode status, string request, string responseBody)
    : Exception($"GitHub answered {(int)status} {status} to {request}: {Shorten(responseBody)}")
{
    public HttpStatusCode Status { get; } = status;

    // GitHub error bodies are small JSON documents; a proxy's HTML error page is not worth printing whole.
    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
