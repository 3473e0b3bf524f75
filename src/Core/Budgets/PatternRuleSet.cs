namespace RustScope.Core.Budgets;

/// <summary>Rules for the functions or benchmarks whose names match a glob.</summary>
/// <param name="Pattern">The name pattern.</param>
/// <param name="Rules">Its rules.</param>
public sealed record PatternRuleSet(GlobPattern Pattern, RuleSet Rules)
{
    /// <summary>The most specific rule set among <paramref name="candidates"/> that matches <paramref name="name"/>, if any.</summary>
    public static RuleSet? MostSpecific(IReadOnlyList<PatternRuleSet> candidates, string name)
    {
        PatternRuleSet? best = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Pattern.Matches(name) && (best is null
                || candidate.Pattern.LiteralCharacters > best.Pattern.LiteralCharacters
                || (candidate.Pattern.LiteralCharacters == best.Pattern.LiteralCharacters && candidate.Pattern.Wildcards < best.Pattern.Wildcards)))
            {
                best = candidate;
            }
        }

        return best?.Rules;
    }
}
