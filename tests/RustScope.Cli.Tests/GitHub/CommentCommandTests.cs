using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.GitHub;

/// <summary><c>rustscope comment</c> as a real process against a loopback server speaking GitHub's REST shape.</summary>
public sealed class CommentCommandTests : IDisposable
{
    private const string Marker = "<!-- rustscope -->";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Updates_the_marked_comment_found_on_the_second_page_and_creates_nothing()
    {
        await using var github = new FakeGitHub { PageSize = 2 };
        github.Comments.AddRange([(1, "LGTM"), (2, "nit: rename"), (3, $"old verdict\n{Marker}\n"), (4, "thanks")]);

        var (exitCode, stdout, stderr) = await Comment(github, "**RustScope:** 1 regression\n\n" + Marker + "\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(
            ["GET /user", "GET /repos/octo/shop/issues/7/comments?per_page=100", "GET /repos/octo/shop/issues/7/comments?per_page=100&page=2", "PATCH /repos/octo/shop/issues/comments/3"],
            github.Requests.Select(r => $"{r.Method} {r.Target}"));
        Assert.Equal("**RustScope:** 1 regression\n\n" + Marker + "\n", github.Comments.Single(c => c.Id == 3).Body);
        Assert.Equal(4, github.Comments.Count);
        Assert.All(github.Requests, r => Assert.Equal("Bearer secret-token", r.Authorization));
        Assert.All(github.Requests, r => Assert.Equal("2022-11-28", r.ApiVersion));
        Assert.Contains("updated comment 3 on octo/shop#7", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creates_one_comment_with_the_marker_added_when_none_is_marked()
    {
        await using var github = new FakeGitHub { PageSize = 1 };
        github.Comments.AddRange([(1, "LGTM"), (2, "mentions rustscope but has no marker")]);

        var (exitCode, stdout, stderr) = await Comment(github, "hand-written report\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["GET", "GET", "GET", "POST"], github.Requests.Select(r => r.Method));
        Assert.Equal("/repos/octo/shop/issues/7/comments", github.Requests[^1].Target);
        Assert.Equal("hand-written report\n\n" + Marker + "\n", github.Comments[^1].Body);
        Assert.Contains("created comment", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_token_from_a_fork_is_reported_and_does_not_fail()
    {
        await using var github = new FakeGitHub { ReadOnlyToken = true };

        var (exitCode, _, stderr) = await Comment(github, "report\n" + Marker);

        Assert.Equal(0, exitCode);
        Assert.Contains("403", stderr, StringComparison.Ordinal);
        Assert.Contains("fork", stderr, StringComparison.Ordinal);
        Assert.Equal(["GET", "GET", "POST"], github.Requests.Select(r => r.Method));
        Assert.Empty(github.Comments);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_GitHub_answers()
    {
        await using var github = new FakeGitHub();
        github.Scripted.Enqueue(new ScriptedAnswer(502));
        github.Scripted.Enqueue(new ScriptedAnswer(503));

        var (exitCode, _, stderr) = await Comment(github, "report\n");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(["GET /user", "GET /user", "GET /user", "GET", "POST"], github.Requests.Select(r => r.Method == "GET" && r.Target == "/user" ? "GET /user" : r.Method));
        Assert.Contains("retrying", stderr, StringComparison.Ordinal);
        Assert.Single(github.Comments);
    }

    [Fact]
    public async Task A_next_page_on_another_host_is_not_sent_the_token()
    {
        await using var github = new FakeGitHub { PageSize = 1, NextPageOrigin = "http://127.0.0.2:9" };
        github.Comments.AddRange([(1, "a"), (2, "b")]);

        var (exitCode, _, stderr) = await Comment(github, "report\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("another host", stderr, StringComparison.Ordinal);
        Assert.Equal(2, github.Requests.Count);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_sent_and_the_usage_error_names_the_variable()
    {
        await using var github = new FakeGitHub();
        var markdown = _temp.File("report.md");
        await File.WriteAllTextAsync(markdown, "report\n");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_temp.Path, CommentRun.Environment(github, token: null),
            "comment", "--markdown", markdown, "--repo", "octo/shop", "--pr", "7", "--token-env", "RUSTSCOPE_TEST_TOKEN");

        Assert.Equal(2, exitCode);
        Assert.Contains("RUSTSCOPE_TEST_TOKEN", stderr, StringComparison.Ordinal);
        Assert.Empty(github.Requests);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Comment(FakeGitHub github, string markdownText) => CommentRun.RunAsync(_temp, github, markdownText);
}
