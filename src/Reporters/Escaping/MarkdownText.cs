using System.Text;

namespace RustScope.Reporters.Escaping;

/// <summary>
/// Makes untrusted text (function names from profile data) inert inside GitHub-flavoured Markdown table cells: no
/// HTML, no links, no emphasis, no code spans, no math, no column breaks, one line, and no @mention or #123 issue
/// reference that would notify a user or link an issue from a PR comment. Not for use inside a code span, where
/// backslash escapes are shown literally.
/// </summary>
public static class MarkdownText
{
    private const char WordJoiner = '\u2060';

    /// <summary>Escapes <paramref name="text"/> for a table cell or a line of prose.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '|':
                    escaped.Append("&#124;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '$':
                    escaped.Append('\\').Append(c);
                    break;
                case '@' or '#':
                    // GitHub links mentions and references after rendering, where a backslash escape is gone; an
                    // invisible word joiner keeps the name readable but no longer a user or issue.
                    escaped.Append(c).Append(WordJoiner);
                    break;
                case '\r' or '\n' or '\t':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(char.IsControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
