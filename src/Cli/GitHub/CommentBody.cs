using System.Text.Json.Serialization;

namespace RustScope.Cli.GitHub;

/// <summary>The request body of "create an issue comment" and "update an issue comment".</summary>
internal sealed record CommentBody([property: JsonPropertyName("body")] string Body);
