using System.CommandLine;
using System.Globalization;
using System.Net;
using RustScope.Cli.GitHub;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope comment --markdown F --repo OWNER/NAME --pr N</c>: creates or updates the one RustScope comment on a
/// pull request. The token comes from an environment variable only (a command line shows in process lists and logs).
/// </summary>
internal static class CommentCommand
{
    public static Command Create(CliConsole console)
    {
        var markdown = new Option<FileInfo>("--markdown") { Description = "The Markdown report to post (from compare/check --markdown).", Required = true };
        var repo = new Option<string>("--repo") { Description = "The repository, OWNER/NAME (in Actions: ${{ github.repository }}).", Required = true };
        var pr = new Option<int>("--pr") { Description = "The pull request number.", Required = true };
        var tokenEnv = new Option<string>("--token-env") { Description = "The environment variable holding the token.", DefaultValueFactory = _ => "GITHUB_TOKEN" };
        var command = new Command("comment", "Create or update the one RustScope comment on a pull request (found by its hidden marker).")
        {
            markdown, repo, pr, tokenEnv,
        };
        command.SetAction((parse, cancel) => RunAsync(
            console, parse.GetValue(markdown)!, parse.GetValue(repo)!, parse.GetValue(pr), parse.GetValue(tokenEnv)!, cancel));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, FileInfo markdown, string repoText, int pullRequest, string tokenVariable, CancellationToken cancel)
    {
        var usage = Validate(console.Environment, markdown, repoText, pullRequest, tokenVariable, out var repository, out var token, out var apiBase);
        if (usage is not null)
        {
            return new DiagnosticWriter(console.Error).Error(DiagnosticWriter.CommandLine(DiagnosticCodes.CommandInvalid, usage));
        }

        var body = await File.ReadAllTextAsync(markdown.FullName, cancel).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var client = new GitHubRestClient(http, apiBase!, token!, TimeSpan.FromSeconds(1), console.Error);
        try
        {
            var (comment, created) = await StickyComment.UpsertAsync(client, repository!, pullRequest, body, cancel).ConfigureAwait(false);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(created ? "created" : "updated")} comment {comment.Id} on {repository}#{pullRequest}{(comment.HtmlUrl is { } url ? ": " + url : "")}")).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (GitHubApiException e) when (e.Status == HttpStatusCode.Forbidden)
        {
            // A pull request from a fork gets a read-only token: the gate's verdict is in the step summary already,
            // so a missing comment must not turn a passing check red.
            await console.Error.WriteLineAsync($"rustscope comment: the token may not comment on {repository}#{pullRequest} (403; a pull request from a fork gets a read-only token). The report stays in the job summary.").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is GitHubApiException or HttpRequestException or InvalidOperationException or System.Text.Json.JsonException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"rustscope comment: {e.Message}").ConfigureAwait(false);
            return ExitCodes.GateFailed;
        }
    }

    private static string? Validate(Func<string, string?> environment, FileInfo markdown, string repoText, int pullRequest, string tokenVariable,
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
            _ => null,
        };
    }
}
