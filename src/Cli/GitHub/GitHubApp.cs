using System.Text.Json.Serialization;

namespace RustScope.Cli.GitHub;

/// <summary>The GitHub App a comment was made through (<c>performed_via_github_app</c>), named by its slug.</summary>
internal sealed record GitHubApp([property: JsonPropertyName("slug")] string? Slug);
