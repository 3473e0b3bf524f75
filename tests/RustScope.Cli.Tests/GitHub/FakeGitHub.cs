using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RustScope.Cli.Tests.GitHub;

/// <summary>
/// A loopback HTTP/1.1 server that answers the issue-comment calls and <c>GET /user</c> the way GitHub's REST API does
/// (pages of <see cref="PageSize"/> with a <c>Link: rel="next"</c> header, 201 on create, 200 on update, comments
/// with their author), with scripted hostile answers. One request per connection, <c>Connection: close</c>: enough
/// HTTP for HttpClient, nothing more.
/// </summary>
internal sealed partial class FakeGitHub : IAsyncDisposable
{
    /// <summary>The author of comments made with the Actions token.</summary>
    public const string ActionsBot = "github-actions[bot]";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _serving;
    private long _nextId = 1000;
    private long _bytesSent;

    public FakeGitHub()
    {
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl => FormattableString.Invariant($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int PageSize { get; init; } = 2;

    /// <summary>The issue's comments, in creation order: (id, body); their author is <see cref="ActionsBot"/> unless <see cref="Authors"/> says otherwise.</summary>
    public List<(long Id, string Body)> Comments { get; } = [];

    /// <summary>Comment id to author login, for comments not written by <see cref="ActionsBot"/>.</summary>
    public Dictionary<long, string> Authors { get; } = [];

    /// <summary>The login <c>GET /user</c> names (a user's token); null answers 403 as GitHub does for the Actions token.</summary>
    public string? TokenLogin { get; init; }

    /// <summary>Answers to give the next requests, whatever they ask, before serving normally.</summary>
    public Queue<ScriptedAnswer> Scripted { get; } = new();

    /// <summary>Answer writes with 403, like the read-only token of a pull request from a fork.</summary>
    public bool ReadOnlyToken { get; init; }

    /// <summary>Put this origin in the next-page links instead of the server's own.</summary>
    public string? NextPageOrigin { get; init; }

    /// <summary>Every page links back to the first one as its next page.</summary>
    public bool NextPageLoopsToFirst { get; init; }

    /// <summary>Every page has a next page, without end.</summary>
    public bool EndlessPages { get; init; }

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_requests) { return [.. _requests]; } } }

    /// <summary>The bytes the client accepted from this server, bodies included.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await HandleAsync(client.GetStream());
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    // The client hung up mid-answer: what a bounded reader does to a huge body.
                }
            }
        }
    }

    private async Task HandleAsync(NetworkStream stream)
    {
        var (method, target, headers, body) = await ReadRequestAsync(stream);
        var authorization = headers.GetValueOrDefault("authorization");
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(method, target, authorization, headers.GetValueOrDefault("x-github-api-version"), body));
        }

        ScriptedAnswer? scripted;
        lock (Scripted)
        {
            Scripted.TryDequeue(out scripted);
        }

        if (scripted is { Stall: true })
        {
            // Never answer: wait until the client gives up and closes the connection.
            await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, _stop.Token);
            return;
        }

        var (status, json, extra) = scripted is null ? Respond(method, target, body) : Answer(scripted, authorization);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\n")
            .Append("Content-Type: application/json; charset=utf-8\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {(scripted is { BodyBytes: > 0 } big ? big.BodyBytes : Encoding.UTF8.GetByteCount(json))}\r\n")
            .Append(extra)
            .Append("Connection: close\r\n\r\n");
        await SendAsync(stream, Encoding.UTF8.GetBytes(head.ToString()));
        if (scripted is { BodyBytes: > 0 })
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var left = scripted.BodyBytes; left > 0; left -= chunk.Length)
            {
                await SendAsync(stream, chunk.AsMemory(0, (int)Math.Min(left, chunk.Length)));
            }
        }
        else
        {
            await SendAsync(stream, Encoding.UTF8.GetBytes(json));
        }
    }

    private async Task SendAsync(NetworkStream stream, ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes, _stop.Token);
        Interlocked.Add(ref _bytesSent, bytes.Length);
    }

    private static (int Status, string Json, string Headers) Answer(ScriptedAnswer answer, string? authorization)
    {
        var headers = new StringBuilder();
        if (answer.RetryAfter is { } retryAfter)
        {
            headers.Append(CultureInfo.InvariantCulture, $"Retry-After: {retryAfter}\r\n");
        }

        if (answer.RateLimitReset is { } reset)
        {
            headers.Append(CultureInfo.InvariantCulture, $"x-ratelimit-remaining: 0\r\nx-ratelimit-reset: {reset}\r\n");
        }

        var message = answer.EchoAuthorization ? $"Bad credentials: {authorization}" : "You have exceeded a secondary rate limit";
        return (answer.Status, new JsonObject { ["message"] = message }.ToJsonString(), headers.ToString());
    }

    private (int Status, string Json, string Headers) Respond(string method, string target, string body)
    {
        lock (Comments)
        {
            if (method == "GET" && target == "/user")
            {
                return TokenLogin is null
                    ? (403, """{"message":"Resource not accessible by integration"}""", "")
                    : (200, new JsonObject { ["login"] = TokenLogin, ["type"] = "User" }.ToJsonString(), "");
            }

            if (method == "GET" && ListRoute().Match(target) is { Success: true } list)
            {
                var page = list.Groups["page"].Success ? int.Parse(list.Groups["page"].Value, CultureInfo.InvariantCulture) : 1;
                var items = new JsonArray([.. Comments.Skip((page - 1) * PageSize).Take(PageSize).Select(c => Comment(c.Id, c.Body))]);
                var nextPage = NextPageLoopsToFirst ? 1 : page + 1;
                var next = EndlessPages || NextPageLoopsToFirst || page * PageSize < Comments.Count
                    ? FormattableString.Invariant($"Link: <{NextPageOrigin ?? BaseUrl}{list.Groups["path"].Value}?per_page=100&page={nextPage}>; rel=\"next\"\r\n")
                    : "";
                return (200, items.ToJsonString(), next);
            }

            if (method is "POST" or "PATCH" && ReadOnlyToken)
            {
                return (403, """{"message":"Resource not accessible by integration"}""", "");
            }

            var text = JsonNode.Parse(body)!["body"]!.GetValue<string>();
            if (method == "POST" && CreateRoute().IsMatch(target))
            {
                Comments.Add((++_nextId, text));
                if (TokenLogin is not null)
                {
                    Authors[_nextId] = TokenLogin;
                }

                return (201, Comment(_nextId, text).ToJsonString(), "");
            }

            if (method == "PATCH" && UpdateRoute().Match(target) is { Success: true } update)
            {
                var id = long.Parse(update.Groups["id"].Value, CultureInfo.InvariantCulture);
                var index = Comments.FindIndex(c => c.Id == id);
                Comments[index] = (id, text);
                return (200, Comment(id, text).ToJsonString(), "");
            }

            return (404, """{"message":"Not Found"}""", "");
        }
    }

    private JsonObject Comment(long id, string body)
    {
        var author = Authors.GetValueOrDefault(id, ActionsBot);
        var comment = new JsonObject
        {
            ["id"] = id,
            ["body"] = body,
            ["html_url"] = FormattableString.Invariant($"{BaseUrl}/octo/shop/pull/7#issuecomment-{id}"),
            ["user"] = new JsonObject { ["login"] = author, ["type"] = author.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        };
        if (author == ActionsBot)
        {
            comment["performed_via_github_app"] = new JsonObject { ["slug"] = "github-actions" };
        }

        return comment;
    }

    private static async Task<(string Method, string Target, Dictionary<string, string> Headers, string Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer) && await stream.ReadAsync(one) == 1)
        {
            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = new byte[headers.TryGetValue("content-length", out var length) ? int.Parse(length, CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        return (requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';

    [GeneratedRegex(@"^(?<path>/repos/[^/]+/[^/]+/issues/\d+/comments)\?per_page=100(&page=(?<page>\d+))?$")]
    private static partial Regex ListRoute();

    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/issues/\d+/comments$")]
    private static partial Regex CreateRoute();

    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/issues/comments/(?<id>\d+)$")]
    private static partial Regex UpdateRoute();
}
