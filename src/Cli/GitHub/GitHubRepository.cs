using System.Text.RegularExpressions;

namespace RustScope.Cli.GitHub;

/// <summary>An <c>OWNER/NAME</c> pair, checked so it can go into a REST path without escaping surprises.</summary>
internal sealed partial record GitHubRepository(string Owner, string Name)
{
    public static bool TryParse(string text, out GitHubRepository repository)
    {
        var match = Pattern().Match(text);
        repository = match.Success ? new GitHubRepository(match.Groups["owner"].Value, match.Groups["name"].Value) : new GitHubRepository("", "");
        return match.Success;
    }

    public override string ToString() => $"{Owner}/{Name}";

    // GitHub's own rules: owners are alphanumerics and hyphens, repository names add '.' and '_'.
    [GeneratedRegex("^(?<owner>[A-Za-z0-9-]{1,39})/(?<name>[A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
