namespace RustScope.Cli.GitHub;

/// <summary>
/// Who the token posts as, so that only a comment this token wrote is taken for the sticky one: anyone can paste the
/// marker into a comment of their own, and editing theirs would both fail and hijack the conversation.
/// A user's token (PAT, or an app's user-to-server token) names its account through <c>GET /user</c>; the GitHub
/// Actions <c>GITHUB_TOKEN</c> is an installation token, for which <c>/user</c> answers 403, and it comments as the
/// bot <c>github-actions[bot]</c> through the app <c>github-actions</c>.
/// </summary>
internal sealed record CommentAuthor(string Login, bool IsActionsBot)
{
    /// <summary>The login the GitHub Actions token comments as.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    /// <summary>The slug of the app behind the GitHub Actions token.</summary>
    public const string ActionsAppSlug = "github-actions";

    public static async Task<CommentAuthor> IdentifyAsync(GitHubRestClient client, CancellationToken cancel) =>
        await client.GetAuthenticatedUserAsync(cancel).ConfigureAwait(false) is { Login: { Length: > 0 } login }
            ? new CommentAuthor(login, IsActionsBot: false)
            : new CommentAuthor(ActionsBotLogin, IsActionsBot: true);

    /// <summary>Whether <paramref name="comment"/> was written by this author (logins are case-insensitive on GitHub).</summary>
    public bool Wrote(IssueComment comment) =>
        string.Equals(comment.User?.Login, Login, StringComparison.OrdinalIgnoreCase)
        && (!IsActionsBot || comment.User?.Type == "Bot" || comment.PerformedViaGitHubApp?.Slug == ActionsAppSlug);
}
