using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>How many memory and CPU events of each type the session recorded.</summary>
internal static class EventCountsPrinter
{
    private const int TypeWidth = 24;

    public static void Print(IReadOnlyList<MemoryEvent> events, TextWriter output)
    {
        if (events.Count == 0)
        {
            return;
        }

        var byType = events
            .GroupBy(e => e.Type, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Invariant($"{g.Count()} {NameCell.Of(g.Key, TypeWidth)}"));
        output.WriteLine();
        output.WriteLine(Invariant($"Events: {events.Count} ({string.Join(", ", byType)})"));
    }
}
