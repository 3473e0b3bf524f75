using System.CommandLine;
using System.Globalization;
using System.Net;
using RustScope.Cli.GitHub;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope comment --markdown F --repo OWNER/NAME --pr N</c>: creates or updates the one RustScope comment on a
/// pull request. The token comes from an environment variable only (a command line shows in process lists and logs),
/// and no message rustscope prints carries it, even when a server echoes it back.
/// </summary>
internal static class CommentCommand
{
    public static Command Create(CliConsole console)
    {
        var markdown = new Option<FileInfo>("--markdown") { Description = "The Markdown report to post (from compare/check --markdown).", Required = true };
        var repo = new Option<string>("--repo") { Description = "The repository, OWNER/NAME (in Actions: ${{ github.repository }}).", Required = true };
        var pr = new Option<int>("--pr") { Description = "The pull request number.", Required = true };
        var tokenEnv = new Option<string>("--token-env") { Description = "The environment variable holding the token.", DefaultValueFactory = _ => "GITHUB_TOKEN" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one request to GitHub may take, its answer included, before it is retried.", DefaultValueFactory = _ => 30 };
        var command = new Command("comment", "Create or update the one RustScope comment on a pull request (found by its hidden marker and its author, the token's own account).")
        {
            markdown, repo, pr, tokenEnv, timeout,
        };
        command.SetAction((parse, cancel) => RunAsync(
            console, parse.GetValue(markdown)!, parse.GetValue(repo)!, parse.GetValue(pr), parse.GetValue(tokenEnv)!, parse.GetValue(timeout), cancel));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo markdown, string repoText, int pullRequest, string tokenVariable, int timeoutSeconds, CancellationToken cancel)
    {
        var usage = Validate(console.Environment, markdown, repoText, pullRequest, tokenVariable, timeoutSeconds, out var repository, out var token, out var apiBase);
        if (usage is not null)
        {
            return new DiagnosticWriter(console.Error).Error(DiagnosticWriter.CommandLine(DiagnosticCodes.CommandInvalid, usage));
        }

        // Everything said on stderr passes here: what a server answered is data (neutralized), and never the token.
        void Say(string message) => console.Error.WriteLine(TerminalText.Neutralize(message.Replace(token!, "***", StringComparison.Ordinal), TextCap.Line));

        var body = await File.ReadAllTextAsync(markdown.FullName, cancel).ConfigureAwait(false);
        using var http = new HttpClient();
        var client = new GitHubRestClient(http, apiBase!, token!, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(timeoutSeconds), Say);
        try
        {
            var (comment, created) = await StickyComment.UpsertAsync(client, repository!, pullRequest, body, cancel).ConfigureAwait(false);
            var url = comment.HtmlUrl is { } link ? ": " + TerminalText.Neutralize(link.Replace(token!, "***", StringComparison.Ordinal)) : "";
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(created ? "created" : "updated")} comment {comment.Id} on {repository}#{pullRequest}{url}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (GitHubApiException e) when (e.Status == HttpStatusCode.Forbidden && !e.RateLimited)
        {
            // A pull request from a fork gets a read-only token: the gate's verdict is in the step summary already,
            // so a missing comment must not turn a passing check red. A rate limit is not that: it fails below.
            Say($"rustscope comment: the token may not comment on {repository}#{pullRequest} (403; a pull request from a fork gets a read-only token). The report stays in the job summary.");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is GitHubApiException or HttpRequestException or InvalidOperationException or System.Text.Json.JsonException or TimeoutException)
        {
            Say($"rustscope comment: {e.Message}");
            return ExitCodes.GateFailed;
        }
    }

    private static string? Validate(Func<string, string?> environment, FileInfo markdown, string repoText, int pullRequest, string tokenVariable, int timeoutSeconds,
        out GitHubRepository? repository, out string? token, out Uri? apiBase)
    {
        repository = GitHubRepository.TryParse(repoText, out var parsed) ? parsed : null;
        token = environment(tokenVariable);
        var apiText = environment("GITHUB_API_URL") is { Length: > 0 } configured ? configured : "https://api.github.com";
        apiBase = Uri.TryCreate(apiText, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback) ? uri : null;
        return (markdown.Exists, repository, pullRequest, token, apiBase) switch
        {
            (false, _, _, _, _) => $"{markdown}: no such file",
            (_, null, _, _, _) => $"--repo '{repoText}' is not OWNER/NAME",
            (_, _, < 1, _, _) => "--pr must be a pull request number (1 or more)",
            (_, _, _, null or "", _) => $"the token variable {tokenVariable} is not set (pass the name of another with --token-env)",
            (_, _, _, _, null) => $"GITHUB_API_URL '{apiText}' must be an https URL (or http on loopback)",
            _ when timeoutSeconds is < 1 or > 3600 => "--timeout must be between 1 and 3600 seconds",
            _ => null,
        };
    }
}
