using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RustScope.Cli.Tests.GitHub;

/// <summary>
/// A loopback HTTP/1.1 server that answers the issue-comment calls the way GitHub's REST API does (pages of
/// <see cref="PageSize"/> with a <c>Link: rel="next"</c> header, 201 on create, 200 on update), with scripted
/// failures. One request per connection, <c>Connection: close</c>: enough HTTP for HttpClient, nothing more.
/// </summary>
internal sealed partial class FakeGitHub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Task _serving;
    private long _nextId = 1000;

    public FakeGitHub()
    {
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string BaseUrl => FormattableString.Invariant($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public int PageSize { get; init; } = 2;

    /// <summary>The issue's comments, in creation order: (id, body).</summary>
    public List<(long Id, string Body)> Comments { get; } = [];

    /// <summary>Statuses to answer the next requests with before serving normally (e.g. 502, 503).</summary>
    public Queue<int> Failures { get; } = new();

    /// <summary>Answer writes with 403, like the read-only token of a pull request from a fork.</summary>
    public bool ReadOnlyToken { get; init; }

    /// <summary>Put this origin in the next-page links instead of the server's own.</summary>
    public string? NextPageOrigin { get; init; }

    public IReadOnlyList<RecordedRequest> Requests { get { lock (_requests) { return [.. _requests]; } } }

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
                await HandleAsync(client.GetStream());
            }
        }
    }

    private async Task HandleAsync(NetworkStream stream)
    {
        var (method, target, headers, body) = await ReadRequestAsync(stream);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(method, target, headers.GetValueOrDefault("authorization"), headers.GetValueOrDefault("x-github-api-version"), body));
        }

        var (status, json, link) = Respond(method, target, body);
        var response = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\n")
            .Append("Content-Type: application/json; charset=utf-8\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n")
            .Append(link is null ? "" : $"Link: {link}\r\n")
            .Append("Connection: close\r\n\r\n")
            .Append(json);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(response.ToString()));
    }

    private (int Status, string Json, string? Link) Respond(string method, string target, string body)
    {
        lock (Comments)
        {
            if (Failures.TryDequeue(out var failure))
            {
                return (failure, """{"message":"Server Error"}""", null);
            }

            if (method == "GET" && ListRoute().Match(target) is { Success: true } list)
            {
                var page = list.Groups["page"].Success ? int.Parse(list.Groups["page"].Value, CultureInfo.InvariantCulture) : 1;
                var items = new JsonArray([.. Comments.Skip((page - 1) * PageSize).Take(PageSize).Select(c => Comment(c.Id, c.Body))]);
                var next = page * PageSize < Comments.Count
                    ? FormattableString.Invariant($"<{NextPageOrigin ?? BaseUrl}{list.Groups["path"].Value}?per_page=100&page={page + 1}>; rel=\"next\"")
                    : null;
                return (200, items.ToJsonString(), next);
            }

            if (method is "POST" or "PATCH" && ReadOnlyToken)
            {
                return (403, """{"message":"Resource not accessible by integration"}""", null);
            }

            var text = JsonNode.Parse(body)!["body"]!.GetValue<string>();
            if (method == "POST" && CreateRoute().IsMatch(target))
            {
                Comments.Add((++_nextId, text));
                return (201, Comment(_nextId, text).ToJsonString(), null);
            }

            if (method == "PATCH" && UpdateRoute().Match(target) is { Success: true } update)
            {
                var id = long.Parse(update.Groups["id"].Value, CultureInfo.InvariantCulture);
                var index = Comments.FindIndex(c => c.Id == id);
                Comments[index] = (id, text);
                return (200, Comment(id, text).ToJsonString(), null);
            }

            return (404, """{"message":"Not Found"}""", null);
        }
    }

    private JsonObject Comment(long id, string body) => new()
    {
        ["id"] = id,
        ["body"] = body,
        ["html_url"] = FormattableString.Invariant($"{BaseUrl}/octo/shop/pull/7#issuecomment-{id}"),
        ["user"] = new JsonObject { ["login"] = "github-actions[bot]" },
    };

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
