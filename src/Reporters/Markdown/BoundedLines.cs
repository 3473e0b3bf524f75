using System.Text;

namespace RustScope.Reporters.Markdown;

/// <summary>
/// A block of lines that must fit a character budget (GitHub rejects comments over 65 536 characters): lines are
/// kept in order while they fit, and a note says how many were left out.
/// </summary>
internal static class BoundedLines
{
    /// <summary>
    /// <paramref name="header"/>, as many <paramref name="lines"/> as fit, the note for the rest, <paramref name="footer"/>;
    /// never longer than <paramref name="room"/>, empty when there are no lines or not even the note fits.
    /// </summary>
    public static string Join(string header, IReadOnlyList<string> lines, string footer, int room, Func<int, string> note) =>
        Join(header, lines, static line => line, footer, room, note);

    /// <summary>
    /// <see cref="Join(string, IReadOnlyList{string}, string, int, Func{int, string})"/> of the lines <paramref name="line"/>
    /// makes of <paramref name="items"/>, made only for the items that fit: a comment shows a few hundred rows of
    /// 90 000 metrics, and the rest are never formatted.
    /// </summary>
    public static string Join<T>(string header, IReadOnlyList<T> items, Func<T, string> line, string footer, int room, Func<int, string> note)
    {
        if (items.Count == 0)
        {
            return string.Empty;
        }

        // The longest note that could be needed, so that a cut never overflows.
        var reserve = header.Length + footer.Length + note(items.Count).Length;
        if (reserve > room)
        {
            return string.Empty;
        }

        var text = new StringBuilder(header);
        var shown = 0;
        while (shown < items.Count && line(items[shown]) is var next && text.Length + next.Length + reserve - header.Length <= room)
        {
            text.Append(next);
            shown++;
        }

        if (shown < items.Count)
        {
            text.Append(note(items.Count - shown));
        }

        return text.Append(footer).ToString();
    }
}
