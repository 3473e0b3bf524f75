using System.Text;
using System.Xml;

namespace RustScope.Reporters.Escaping;

/// <summary>
/// Text that XML 1.0 can carry: characters it forbids (most control characters, lone surrogates) become U+FFFD.
/// XmlWriter escapes markup itself but throws on these.
/// </summary>
public static class XmlCharacters
{
    /// <summary>Replaces every character XML 1.0 cannot represent.</summary>
    public static string Legal(string text)
    {
        // Nearly every text is printable BMP text in lines, which a vectorized scan clears at once, line break by line
        // break: the characters from the first other one on are checked one by one.
        var rest = text.AsSpan();
        int first;
        while ((first = rest.IndexOfAnyExceptInRange('\u0020', '\uD7FF')) >= 0 && rest[first] is '\n' or '\t' or '\r')
        {
            rest = rest[(first + 1)..];
        }

        if (first < 0 || AllXmlChars(rest[first..]))
        {
            return text;
        }

        var legal = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                legal.Append(text, i++, 2);
            }
            else
            {
                legal.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return legal.ToString();
    }

    private static bool AllXmlChars(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!XmlConvert.IsXmlChar(c))
            {
                return false;
            }
        }

        return true;
    }
}
