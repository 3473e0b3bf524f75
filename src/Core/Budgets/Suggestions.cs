namespace RustScope.Core.Budgets;

/// <summary>"Did you mean" for misspelt keys: the closest known key by edit distance, when it is close.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string key, IEnumerable<string> known)
    {
        var best = known.Select(k => (Key: k, Distance: Levenshtein(key, k))).MinBy(c => c.Distance);
        return best.Key is not null && best.Distance <= Math.Max(2, key.Length / 3) ? $"; did you mean '{best.Key}'?" : string.Empty;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
