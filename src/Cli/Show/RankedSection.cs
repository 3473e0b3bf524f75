using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>A section of the first rows of a ranking, titled with how many of how many it shows; nothing for no rows.</summary>
internal static class RankedSection
{
    /// <param name="ranked">Every row, best first.</param>
    /// <param name="rankedBy">What the ranking is by, for the title.</param>
    /// <param name="cells">One row's cells, in the order of <paramref name="table"/>'s columns.</param>
    public static void Write<T>(TextWriter output, string title, string rankedBy, IReadOnlyCollection<T> ranked, int top, TextTable table, Func<T, string[]> cells)
    {
        if (ranked.Count == 0)
        {
            return;
        }

        foreach (var row in ranked.Take(top))
        {
            table.Add(cells(row));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"{title}: top {Math.Min(top, ranked.Count)} of {ranked.Count} by {rankedBy}"));
        table.Write(output);
    }
}
