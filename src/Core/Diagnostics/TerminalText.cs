using System.Text;

namespace RustScope.Core.Diagnostics;

/// <summary>
/// Makes untrusted text (function, process, file and key names from profiles and budget files) safe to print on a
/// terminal or in a CI log: no escape sequence, no line break that starts a forged log line or workflow command.
/// </summary>
public static class TerminalText
{
    /// <summary>
    /// Replaces control characters (C0 and C1: ESC, CR, LF, BEL…), Unicode non-characters (U+FFFE, U+FFFF,
    /// U+FDD0–U+FDEF and the last two of every plane) and ill-formed surrogates with U+FFFD.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSafe(text))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            safe.Append(IsUnsafe(rune) ? Rune.ReplacementChar : rune);
        }

        return safe.ToString();
    }

    // The common case, names with nothing to replace, allocates nothing.
    private static bool IsSafe(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnsafe(Rune rune) =>
        Rune.IsControl(rune) || rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;
}
