using System.Buffers;
using System.Text;

namespace RustScope.Core.Diagnostics;

/// <summary>
/// Makes untrusted text (function, process, file and key names from profiles and budget files) safe to print on a
/// terminal or in a CI log: no escape sequence, no line break that starts a forged log line or workflow command.
/// </summary>
public static class TerminalText
{
    // A workflow command is a line that starts with "::" after its leading whitespace (the runner's ActionCommand
    // trims it); data that a log line could start with, or wrap to, gets a look-alike RATIO instead of its first colon.
    private const char Ratio = '\u2236';

    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        "\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFFFE\uFFFF:");

    /// <summary>
    /// Replaces control characters (C0 and C1: ESC, CR, LF, BEL…), line and paragraph separators, bidirectional
    /// embeddings, overrides and isolates (text that reads differently than it is), Unicode non-characters (U+FFFE,
    /// U+FFFF, U+FDD0–U+FDEF and the last two of every plane) and ill-formed surrogates with U+FFFD; a <c>::</c> at
    /// the start of the text or after whitespace becomes <c>∶:</c>, so no line of a CI log starts a workflow command.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSafe(text))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        var atWordStart = true;
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            safe.Append(IsUnsafe(rune) ? Rune.ReplacementChar
                : atWordStart && StartsCommand(text, i) ? new Rune(Ratio)
                : rune);
            atWordStart = Rune.IsWhiteSpace(rune);
            i += used;
        }

        return safe.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> capped to <paramref name="maxLength"/> characters by <see cref="TextCap"/>'s rule, then
    /// neutralized: what every terminal sink prints of a name or message from data.
    /// </summary>
    public static string Neutralize(string text, int maxLength) => Neutralize(TextCap.Of(text, maxLength));

    // The common case, names with nothing to replace, allocates nothing.
    private static bool IsSafe(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOfAny(Suspect); i >= 0;)
        {
            if (text[i] != ':' || ((i == 0 || char.IsWhiteSpace(text[i - 1])) && StartsCommand(text, i)))
            {
                return false;
            }

            var next = span[(i + 1)..].IndexOfAny(Suspect);
            i = next < 0 ? -1 : i + 1 + next;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF')
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsCommand(string text, int i) => text[i] == ':' && i + 1 < text.Length && text[i + 1] == ':';

    private static bool IsUnsafe(Rune rune) =>
        Rune.IsControl(rune) || rune.Value is >= 0xFDD0 and <= 0xFDEF or 0x2028 or 0x2029 or >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069
        || (rune.Value & 0xFFFE) == 0xFFFE;
}
