using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Cli.Tests.GitHub;

/// <summary><c>rustscope comment</c> on octo/shop#7 against a fake GitHub, with the token <see cref="Token"/> in <c>RUSTSCOPE_TEST_TOKEN</c>.</summary>
internal static class CommentRun
{
    public const string Token = "secret-token";

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TempDirectory temp, FakeGitHub github, string markdownText, params string[] extra)
    {
        var markdown = temp.File("report.md");
        await File.WriteAllTextAsync(markdown, markdownText);
        return await RustscopeInProcess.RunAsync(temp.Path, Environment(github, Token),
            ["comment", "--markdown", markdown, "--repo", "octo/shop", "--pr", "7", "--token-env", "RUSTSCOPE_TEST_TOKEN", .. extra]);
    }

    public static Dictionary<string, string> Environment(FakeGitHub github, string? token)
    {
        var environment = new Dictionary<string, string> { ["GITHUB_API_URL"] = github.BaseUrl };
        if (token is not null)
        {
            environment["RUSTSCOPE_TEST_TOKEN"] = token;
        }

        return environment;
    }
}
