using System.Text;
using System.Text.RegularExpressions;

namespace RustScope.Cli.Tests.Sinks;

/// <summary>What "inert" means for text that reaches a terminal or a CI log.</summary>
internal static partial class InertText
{
    /// <summary>Longer lines would mean a name was echoed uncapped.</summary>
    public const int MaxLine = 8_192;

    /// <summary>
    /// No control character but line feeds, no non-character, lone surrogate, bidirectional control or line separator,
    /// no line longer than <see cref="MaxLine"/>, and every line that the Actions runner would take for a workflow command
    /// (it trims leading whitespace) is one of RustScope's own: a known command whose properties hold no raw colon.
    /// </summary>
    public static void AssertTerminalSafe(string output, string sink)
    {
        foreach (var rune in EnumerateRunesStrict(output, sink))
        {
            Assert.False(rune.Value != '\n' && Rune.IsControl(rune), $"{sink}: control character U+{rune.Value:X4}");
            Assert.False(rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE, $"{sink}: non-character U+{rune.Value:X4}");
            Assert.False(rune.Value is 0x2028 or 0x2029 or >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069, $"{sink}: separator or bidirectional control U+{rune.Value:X4}");
        }

        foreach (var line in output.Split('\n'))
        {
            Assert.True(line.Length <= MaxLine, $"{sink}: a line of {line.Length} characters");
            var command = line.TrimStart();
            if (command.StartsWith("::", StringComparison.Ordinal))
            {
                Assert.Matches(OwnCommand(), command);
            }
        }
    }

    private static IEnumerable<Rune> EnumerateRunesStrict(string text, string sink)
    {
        for (var i = 0; i < text.Length;)
        {
            Assert.True(Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done, $"{sink}: a lone surrogate at {i}");
            yield return rune;
            i += used;
        }
    }

    // RustScope's annotations: error/warning/notice, optionally at the budget file, a title without a raw colon.
    [GeneratedRegex(@"^::(error|warning|notice) (file=rustscope\.yml,line=\d+,col=\d+,)?title=[^:\r\n]*::[^\r\n]*$")]
    private static partial Regex OwnCommand();
}
