using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RustScope.Cli.GitHub;

/// <summary>
/// The issue-comment calls of GitHub's REST API (list, create, update) and <c>GET /user</c>, with bounded pagination
/// by <c>Link</c> header, a timeout per attempt, bounded reads of every body, and retries with backoff on 5xx, rate
/// limits (honouring <c>Retry-After</c>), timeouts and connection failures.
/// https://docs.github.com/rest/issues/comments
/// </summary>
internal sealed class GitHubRestClient
{
    /// <summary>Pages of 100 comments followed at most: 10,000 comments, far beyond any pull request's.</summary>
    public const int MaxPages = 100;

    private const int Attempts = 4;

    // A longer wait than this (an exhausted hourly limit) is reported rather than slept through: the job would hang.
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http;
    private readonly Uri _apiBase;
    private readonly TimeSpan _firstRetryDelay;
    private readonly TimeSpan _attemptTimeout;
    private readonly Action<string> _log;

    /// <param name="attemptTimeout">How long one attempt may take, answer and body included.</param>
    /// <param name="log">Where retries are told (standard error, redacted).</param>
    public GitHubRestClient(HttpClient http, Uri apiBase, string token, TimeSpan firstRetryDelay, TimeSpan attemptTimeout, Action<string> log)
    {
        _log = log;
        _http = http;
        _apiBase = new Uri(apiBase.AbsoluteUri.TrimEnd('/') + "/");
        _firstRetryDelay = firstRetryDelay;
        _attemptTimeout = attemptTimeout;
        _http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own, body included
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("rustscope", Collectors.SessionAssembler.ToolVersion));
        _http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
    }

    /// <summary>The token's own account, or null when the token is not a user's (the Actions token: <c>/user</c> answers 403).</summary>
    public async Task<GitHubUser?> GetAuthenticatedUserAsync(CancellationToken cancel)
    {
        try
        {
            var (user, _) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Api("user")), GitHubJsonContext.Default.GitHubUser, cancel).ConfigureAwait(false);
            return user;
        }
        catch (GitHubApiException e) when (!e.RateLimited && e.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<IssueComment> ListCommentsAsync(GitHubRepository repository, int issue, [EnumeratorCancellation] CancellationToken cancel)
    {
        var page = Api(FormattableString.Invariant($"repos/{repository.Owner}/{repository.Name}/issues/{issue}/comments?per_page=100"));
        var seen = new HashSet<Uri>();
        while (page is not null)
        {
            if (!seen.Add(page))
            {
                throw new InvalidOperationException($"GitHub's next-page link leads back to a page already read ({page.PathAndQuery}); stopping instead of looping");
            }

            if (seen.Count > MaxPages)
            {
                throw new InvalidOperationException(FormattableString.Invariant($"the pull request's comments go on beyond {MaxPages} pages; stopping (a next-page link that never ends)"));
            }

            var current = page;
            var (comments, next) = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, current), GitHubJsonContext.Default.IReadOnlyListIssueComment, cancel).ConfigureAwait(false);
            foreach (var comment in comments ?? [])
            {
                yield return comment;
            }

            page = next;
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
        var (comment, _) = await SendAsync(
            // Serialized up front: a Content-Length body rather than a chunked one, which every proxy in between accepts.
            () => new HttpRequestMessage(method, uri) { Content = new StringContent(JsonSerializer.Serialize(new CommentBody(body), GitHubJsonContext.Default.CommentBody), Encoding.UTF8, "application/json") },
            GitHubJsonContext.Default.IssueComment,
            cancel).ConfigureAwait(false);
        return comment ?? throw new GitHubApiException(HttpStatusCode.OK, $"{method} {uri.AbsolutePath}", "an empty body");
    }

    /// <summary>Sends with retries; returns the answer's JSON and its next-page link.</summary>
    private async Task<(T? Value, Uri? Next)> SendAsync<T>(Func<HttpRequestMessage> request, JsonTypeInfo<T> type, CancellationToken cancel)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            var description = $"{message.Method} {message.RequestUri!.AbsolutePath}";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(_attemptTimeout);
            TimeSpan? requested = null;
            string failure;
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var bytes = await BoundedBody.ReadAsync(response.Content, BoundedBody.PageLimit, timeout.Token).ConfigureAwait(false)
                        ?? throw new GitHubApiException(response.StatusCode, description, string.Create(CultureInfo.InvariantCulture, $"an answer larger than {BoundedBody.PageLimit / (1024 * 1024)} MiB"));
                    return (JsonSerializer.Deserialize(bytes, type), LinkHeader.Next(response.Headers));
                }

                var start = await BoundedBody.ErrorStartAsync(response.Content, timeout.Token).ConfigureAwait(false);
                var rateLimited = RetryAdvice.IsRateLimit(response);
                if (!RetryAdvice.IsTransient(response) || attempt == Attempts)
                {
                    throw new GitHubApiException(response.StatusCode, description, start, rateLimited);
                }

                requested = RetryAdvice.RequestedDelay(response, DateTimeOffset.UtcNow);
                if (requested > MaxRetryDelay)
                {
                    throw new GitHubApiException(response.StatusCode, description,
                        string.Create(CultureInfo.InvariantCulture, $"asked to wait {requested.Value.TotalSeconds:F0} s before retrying, longer than the {MaxRetryDelay.TotalSeconds:F0} s rustscope waits"), rateLimited);
                }

                failure = string.Create(CultureInfo.InvariantCulture, $"GitHub answered {(int)response.StatusCode}{(rateLimited ? " (rate limited)" : "")}");
            }
            catch (HttpRequestException e) when (attempt < Attempts)
            {
                failure = $"failed ({e.Message})";
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                if (attempt == Attempts)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{description} took longer than {_attemptTimeout.TotalSeconds:F0} s, {Attempts} times"));
                }

                failure = string.Create(CultureInfo.InvariantCulture, $"took longer than {_attemptTimeout.TotalSeconds:F0} s");
            }

            var delay = requested is { } asked && asked > Backoff(attempt) ? asked : Backoff(attempt);
            _log(string.Create(CultureInfo.InvariantCulture, $"rustscope comment: {description} {failure}; retrying in {delay.TotalSeconds:F0} s ({attempt}/{Attempts - 1})"));
            await Task.Delay(delay, cancel).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt) => _firstRetryDelay * Math.Pow(2, attempt - 1);

    private Uri Api(string relative) => new(_apiBase, relative);

    private bool SameOrigin(Uri uri) =>
        Uri.Compare(uri, _apiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
