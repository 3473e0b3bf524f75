namespace RustScope.Core.Budgets;

/// <summary>
/// A function or benchmark name pattern: <c>*</c> matches any run of characters (dots included), <c>?</c> one
/// character. When several patterns match a name the most specific wins: the one with more literal characters, then
/// the one with fewer wildcards, then the one written first.
/// </summary>
public sealed class GlobPattern
{
    /// <summary>Creates a pattern.</summary>
    public GlobPattern(string pattern)
    {
        Text = pattern;
        Wildcards = pattern.Count(c => c is '*' or '?');
        LiteralCharacters = pattern.Length - Wildcards;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Number of <c>*</c> and <c>?</c>.</summary>
    public int Wildcards { get; }

    /// <summary>Number of characters that must match exactly.</summary>
    public int LiteralCharacters { get; }

    /// <summary>Whether <paramref name="name"/> matches the whole pattern.</summary>
    public bool Matches(string name) => Match(Text.AsSpan(), name.AsSpan());

    /// <inheritdoc/>
    public override string ToString() => Text;

    // Iterative matcher with single-star backtracking: linear in practice, no regex compilation per pattern.
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0, n = 0, starAt = -1, starMatch = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                starMatch = n;
            }
            else if (starAt >= 0)
            {
                p = starAt + 1;
                n = ++starMatch;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
