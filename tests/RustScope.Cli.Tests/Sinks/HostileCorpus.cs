using System.Globalization;
using System.Text;

namespace RustScope.Cli.Tests.Sinks;

/// <summary>
/// One corpus of hostile names, pushed through every sink: terminal escapes (CSI, OSC-8 hyperlink, BEL, C1), line
/// breaks and forged workflow commands, percent-encoded ones, Unicode non-characters and lone surrogates, Markdown,
/// HTML and XML specials, bidirectional overrides, and a 2 MB name.
/// </summary>
internal static class HostileCorpus
{
    /// <summary>The size of the huge name.</summary>
    public const int HugeLength = 2_000_000;

    public static IReadOnlyList<string> Names { get; } =
    [
        "Esc.\u001b[31mred\u001b[0m",
        "Osc.\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007",
        "Bel.\u0007ding\u009b31mC1",
        "Crlf.\r\n::error file=a.cs,line=1::forged by a line break",
        "::error file=b.cs,line=2::forged at the start",
        "Wrap. ::error file=c.cs,line=3::forged after a space",
        "Percent.%0A::error file=d.cs::%25 percent",
        "Nonchar.\uffff\ufffe\ufdd0\U0010FFFF",
        "Lone.\ud800x\udc00",
        "Markup.<script>alert(1)</script>|`code`*_~$[x](https://evil.example)@user #1 ]]>&amp;\"'",
        "Rtl.\u202egnp.exe\u2066\u2028",
        "Huge." + new string('N', HugeLength),
    ];

    /// <summary>
    /// A YAML double-quoted scalar that spells <paramref name="text"/> with escapes. YAML cannot carry a lone
    /// surrogate at all: those are left out (the key then names nothing, which is fine for a hostile key).
    /// </summary>
    public static string YamlQuoted(string text)
    {
        var quoted = new StringBuilder("\"");
        for (var i = 0; i < text.Length;)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            i += used;
            if (status != System.Buffers.OperationStatus.Done)
            {
                continue;
            }

            quoted.Append(rune.Value is >= ' ' and <= '~' and not ('"' or '\\') ? rune.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}"));
        }

        return quoted.Append('"').ToString();
    }
}
