using System.Text.Json.Serialization;

namespace RustScope.Cli.GitHub;

/// <summary>The fields of a GitHub issue comment that the sticky comment needs (REST "issue comment" object).</summary>
internal sealed record IssueComment(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("html_url")] string? HtmlUrl,
    [property: JsonPropertyName("user")] GitHubUser? User = null,
    [property: JsonPropertyName("performed_via_github_app")] GitHubApp? PerformedViaGitHubApp = null);
