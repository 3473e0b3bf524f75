using System.Text.Json.Serialization;

namespace RustScope.Cli.GitHub;

/// <summary>Source-generated JSON for the few GitHub REST shapes RustScope reads and writes (no reflection, trimming-safe).</summary>
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(IssueComment))]
[JsonSerializable(typeof(IReadOnlyList<IssueComment>))]
[JsonSerializable(typeof(GitHubUser))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
