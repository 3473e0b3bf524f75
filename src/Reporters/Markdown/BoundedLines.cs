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
    public static string Join(string header, IReadOnlyList<string> lines, string footer, int room, Func<int, string> note)
    {
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        // The longest note that could be needed, so that a cut never overflows.
        var reserve = header.Length + footer.Length + note(lines.Count).Length;
        if (reserve > room)
        {
            return string.Empty;
        }

        var text = new StringBuilder(header);
        var shown = 0;
        while (shown < lines.Count && text.Length + lines[shown].Length + reserve - header.Length <= room)
        {
            text.Append(lines[shown++]);
        }

        if (shown < lines.Count)
        {
            text.Append(note(lines.Count - shown));
        }

        return text.Append(footer).ToString();
    }
}
