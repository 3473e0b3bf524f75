using System.Text.Json.Serialization;

namespace RustScope.Cli.GitHub;

/// <summary>A comment's author, or the token's own account (<c>GET /user</c>): its login and type (<c>User</c> or <c>Bot</c>).</summary>
internal sealed record GitHubUser(
    [property: JsonPropertyName("login")] string? Login,
    [property: JsonPropertyName("type")] string? Type = null);
