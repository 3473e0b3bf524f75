using System.Text;

namespace RustScope.Reporters.Escaping;

/// <summary>Makes untrusted text (function and process names) safe to print: no escape sequences reach the terminal.</summary>
public static class TerminalText
{
    /// <summary>Replaces control characters (ESC, CR, BEL…) with U+FFFD.</summary>
    public static string Neutralize(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return safe.ToString();
    }
}
