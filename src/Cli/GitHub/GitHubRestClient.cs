using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace RustScope.Cli.GitHub;

/// <summary>
/// The three issue-comment calls of GitHub's REST API (list, create, update), with pagination by <c>Link</c> header
/// and retries with exponential backoff on 5xx and connection failures.
/// https://docs.github.com/rest/issues/comments
/// </summary>
internal sealed class GitHubRestClient
{
    private const int Attempts = 4;
    private readonly HttpClient _http;
    private readonly Uri _apiBase;
    private readonly TimeSpan _firstRetryDelay;
    private readonly TextWriter _log;

    /// <param name="log">Where retries are told (standard error).</param>
    public GitHubRestClient(HttpClient http, Uri apiBase, string token, TimeSpan firstRetryDelay, TextWriter log)
    {
        _log = log;
        _http = http;
        _apiBase = new Uri(apiBase.AbsoluteUri.TrimEnd('/') + "/");
        _firstRetryDelay = firstRetryDelay;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("rustscope", Collectors.SessionAssembler.ToolVersion));
        _http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
    }

    public async IAsyncEnumerable<IssueComment> ListCommentsAsync(GitHubRepository repository, int issue, [EnumeratorCancellation] CancellationToken cancel)
    {
        var page = Api(FormattableString.Invariant($"repos/{repository.Owner}/{repository.Name}/issues/{issue}/comments?per_page=100"));
        while (page is not null)
        {
            var current = page;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, current), cancel).ConfigureAwait(false);
            var comments = await response.Content.ReadFromJsonAsync(GitHubJsonContext.Default.IReadOnlyListIssueComment, cancel).ConfigureAwait(false) ?? [];
            foreach (var comment in comments)
            {
                yield return comment;
            }

            page = LinkHeader.Next(response.Headers);
            if (page is not null && !SameOrigin(page))
            {
                // The token is sent with every request: never to a host other than the API the user configured.
                throw new InvalidOperationException($"GitHub's next page points at another host ({page.GetLeftPart(UriPartial.Authority)}); not following it");
            }
        }
    }

    public Task<IssueComment> CreateCommentAsync(GitHubRepository repository, int issue, string body, CancellationToken cancel) =>
        WriteAsync(HttpMethod.Post, Api(FormattableString.Invariant($"repos/{repository.Owner}/{repository.Name}/issues/{issue}/comments")), body, cancel);

    public Task<IssueComment> UpdateCommentAsync(GitHubRepository repository, long commentId, string body, CancellationToken cancel) =>
        WriteAsync(HttpMethod.Patch, Api(FormattableString.Invariant($"repos/{repository.Owner}/{repository.Name}/issues/comments/{commentId}")), body, cancel);

    private async Task<IssueComment> WriteAsync(HttpMethod method, Uri uri, string body, CancellationToken cancel)
    {
        using var response = await SendAsync(
            // Serialized up front: a Content-Length body rather than a chunked one, which every proxy in between accepts.
            () => new HttpRequestMessage(method, uri) { Content = new StringContent(JsonSerializer.Serialize(new CommentBody(body), GitHubJsonContext.Default.CommentBody), Encoding.UTF8, "application/json") },
            cancel).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(GitHubJsonContext.Default.IssueComment, cancel).ConfigureAwait(false)
            ?? throw new GitHubApiException(response.StatusCode, $"{method} {uri.AbsolutePath}", "an empty body");
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            var description = $"{message.Method} {message.RequestUri!.AbsolutePath}";
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, cancel).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (attempt < Attempts)
            {
                await _log.WriteLineAsync($"rustscope comment: {description} failed ({e.Message}); retrying").ConfigureAwait(false);
                await Task.Delay(Backoff(attempt), cancel).ConfigureAwait(false);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
                if ((int)response.StatusCode < 500 || attempt == Attempts)
                {
                    throw new GitHubApiException(response.StatusCode, description, body);
                }

                await _log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rustscope comment: GitHub answered {(int)response.StatusCode} to {description}; retrying ({attempt}/{Attempts - 1})")).ConfigureAwait(false);
            }

            await Task.Delay(Backoff(attempt), cancel).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt) => _firstRetryDelay * Math.Pow(2, attempt - 1);

    private Uri Api(string relative) => new(_apiBase, relative);

    private bool SameOrigin(Uri uri) =>
        Uri.Compare(uri, _apiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
