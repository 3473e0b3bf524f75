using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.GitHub;

/// <summary>
/// <c>rustscope comment</c> against a hostile or failing GitHub: another author's marked comment, next-page links
/// that loop or never end, rate limits, a server that never answers, a 50 MB body, a server echoing the token.
/// </summary>
public sealed class HostileGitHubTests : IDisposable
{
    private const string Marker = "<!-- rustscope -->";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_marked_comment_of_another_author_is_never_edited_the_bots_own_is()
    {
        await using var github = new FakeGitHub { PageSize = 1 };
        github.Comments.AddRange([(1, $"hijack me\n{Marker}"), (2, $"old verdict\n{Marker}")]);
        github.Authors[1] = "mallory";

        var (exitCode, stdout, stderr) = await Comment(github, "new verdict\n" + Marker + "\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"hijack me\n{Marker}", github.Comments.Single(c => c.Id == 1).Body);
        Assert.Equal("new verdict\n" + Marker + "\n", github.Comments.Single(c => c.Id == 2).Body);
        Assert.Contains("updated comment 2", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_only_another_author_carries_the_marker_a_new_comment_is_created()
    {
        await using var github = new FakeGitHub();
        github.Comments.Add((1, $"{Marker} I am the bot now"));
        github.Authors[1] = "github-actions";

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"{Marker} I am the bot now", github.Comments[0].Body);
        Assert.Equal(2, github.Comments.Count);
        Assert.Equal("POST", github.Requests[^1].Method);
    }

    [Fact]
    public async Task A_user_token_edits_the_comment_of_its_own_account_found_by_GET_user()
    {
        await using var github = new FakeGitHub { TokenLogin = "Perf-Bot" };
        github.Comments.AddRange([(1, $"the Actions bot's\n{Marker}"), (2, $"mine\n{Marker}")]);
        github.Authors[2] = "perf-bot";

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal($"the Actions bot's\n{Marker}", github.Comments[0].Body);
        Assert.StartsWith("verdict\n", github.Comments[1].Body, StringComparison.Ordinal);
        Assert.Equal("GET /user", $"{github.Requests[0].Method} {github.Requests[0].Target}");
    }

    [Fact]
    public async Task A_next_page_link_that_leads_back_ends_with_an_error_not_a_loop()
    {
        await using var github = new FakeGitHub { PageSize = 1, NextPageLoopsToFirst = true };
        github.Comments.AddRange([(1, "a"), (2, "b")]);

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("already read", stderr, StringComparison.Ordinal);
        Assert.True(github.Requests.Count <= 4, string.Join('\n', github.Requests.Select(r => r.Target)));
        Assert.DoesNotContain(github.Requests, r => r.Method is "POST" or "PATCH");
    }

    [Fact]
    public async Task Next_page_links_without_end_stop_at_the_page_cap()
    {
        await using var github = new FakeGitHub { PageSize = 1, EndlessPages = true };
        github.Comments.Add((1, "a"));

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("beyond 100 pages", stderr, StringComparison.Ordinal);
        Assert.Equal(1 + 100, github.Requests.Count);
        Assert.DoesNotContain(github.Requests, r => r.Method is "POST" or "PATCH");
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_for_and_retried()
    {
        await using var github = new FakeGitHub();
        github.Scripted.Enqueue(new ScriptedAnswer(429) { RetryAfter = "1" });

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("429 (rate limited); retrying in 1 s", stderr, StringComparison.Ordinal);
        Assert.Equal(["/user", "/user"], github.Requests.Take(2).Select(r => r.Target));
        Assert.Single(github.Comments);
    }

    [Fact]
    public async Task A_403_secondary_rate_limit_that_lasts_fails_instead_of_passing_as_a_read_only_token()
    {
        await using var github = new FakeGitHub();
        for (var i = 0; i < 4; i++)
        {
            github.Scripted.Enqueue(new ScriptedAnswer(403) { RetryAfter = "0" });
        }

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("rate limited; retries exhausted", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("fork", stderr, StringComparison.Ordinal);
        Assert.Equal(4, github.Requests.Count);
    }

    [Fact]
    public async Task An_exhausted_hourly_limit_is_reported_at_once_rather_slept_through()
    {
        await using var github = new FakeGitHub();
        github.Scripted.Enqueue(new ScriptedAnswer(403) { RateLimitReset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("asked to wait", stderr, StringComparison.Ordinal);
        Assert.Single(github.Requests);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_and_is_retried()
    {
        await using var github = new FakeGitHub();
        github.Scripted.Enqueue(new ScriptedAnswer(200) { Stall = true });

        var (exitCode, _, stderr) = await Comment(github, "verdict\n", "--timeout", "1");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("GET /user took longer than 1 s; retrying", stderr, StringComparison.Ordinal);
        Assert.Single(github.Comments);
    }

    [Fact]
    public async Task A_50_MB_error_body_is_not_read_whole()
    {
        await using var github = new FakeGitHub();
        github.Scripted.Enqueue(new ScriptedAnswer(200));
        github.Scripted.Enqueue(new ScriptedAnswer(422) { BodyBytes = 50_000_000 });

        var (exitCode, _, stderr) = await Comment(github, "verdict\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("422", stderr, StringComparison.Ordinal);
        Assert.InRange(stderr.Length, 1, 2_000);

        // What the client did not read stays in the kernel's socket buffers (a few MB on loopback), not 50 MB.
        Assert.True(github.BytesSent < 25_000_000, $"{github.BytesSent} bytes were taken from the server");
    }

    [Fact]
    public async Task The_token_appears_in_no_output_even_when_the_server_echoes_it()
    {
        await using var github = new FakeGitHub();
        github.Scripted.Enqueue(new ScriptedAnswer(502) { EchoAuthorization = true });
        github.Scripted.Enqueue(new ScriptedAnswer(401) { EchoAuthorization = true });

        var (exitCode, stdout, stderr) = await Comment(github, "verdict\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("Bad credentials: Bearer ***", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(CommentRun.Token, stdout + stderr, StringComparison.Ordinal);
        Assert.All(github.Requests, r => Assert.Equal($"Bearer {CommentRun.Token}", r.Authorization));
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Comment(FakeGitHub github, string markdownText, params string[] extra) =>
        CommentRun.RunAsync(_temp, github, markdownText, extra);
}
