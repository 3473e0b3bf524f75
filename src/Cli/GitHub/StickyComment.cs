using RustScope.Reporters.Markdown;

namespace RustScope.Cli.GitHub;

/// <summary>
/// Keeps one RustScope comment per pull request: the first comment carrying <see cref="MarkdownReporter.Marker"/>
/// <em>and</em> written by the token's own account (<see cref="CommentAuthor"/>) is edited in place, so a PR shows
/// the latest verdict rather than one comment per push, and nobody else's comment is ever taken over.
/// </summary>
internal static class StickyComment
{
    public static async Task<(IssueComment Comment, bool Created)> UpsertAsync(GitHubRestClient client, GitHubRepository repository, int pullRequest, string markdown, CancellationToken cancel)
    {
        var body = WithMarker(markdown);
        var author = await CommentAuthor.IdentifyAsync(client, cancel).ConfigureAwait(false);
        await foreach (var existing in client.ListCommentsAsync(repository, pullRequest, cancel).ConfigureAwait(false))
        {
            if (existing.Body?.Contains(MarkdownReporter.Marker, StringComparison.Ordinal) == true && author.Wrote(existing))
            {
                return (await client.UpdateCommentAsync(repository, existing.Id, body, cancel).ConfigureAwait(false), false);
            }
        }

        return (await client.CreateCommentAsync(repository, pullRequest, body, cancel).ConfigureAwait(false), true);
    }

    /// <summary>The body to post: the Markdown as given, with the marker appended when it lacks one (a hand-written file).</summary>
    public static string WithMarker(string markdown) =>
        markdown.Contains(MarkdownReporter.Marker, StringComparison.Ordinal) ? markdown : markdown.TrimEnd('\n') + "\n\n" + MarkdownReporter.Marker + "\n";
}
