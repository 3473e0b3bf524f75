using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// Parses <c>perf script -F comm,tid,ip,sym,dso</c> output: a header line per sample, then its frames leaf first,
/// one per indented line (<c>address symbol (dso)</c>), then a blank line. Symbols and mapping names may both hold
/// parentheses (<c>operator new(unsigned long)</c>, <c>(/memfd:doublemapper (deleted))</c>, where .NET's JIT code lives).
/// </summary>
internal static class PerfScriptParser
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static void Parse(TextReader reader, StackAggregator into)
    {
        var leafFirst = new List<StackFrame>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || !char.IsWhiteSpace(line[0]))
            {
                // A blank line or the next sample's header ends the current sample.
                Flush(leafFirst, into);
                continue;
            }

            if (TrySplitFrame(line, out var symbol, out var dso))
            {
                leafFirst.Add(Frame(symbol, dso));
            }
        }

        Flush(leafFirst, into);
    }

    private static void Flush(List<StackFrame> leafFirst, StackAggregator into)
    {
        if (leafFirst.Count == 0)
        {
            return;
        }

        leafFirst.Reverse();
        into.Add([.. leafFirst], 1, SampleOrigin.Unknown);
        leafFirst.Clear();
    }

    private static StackFrame Frame(string symbol, string dso)
    {
        var module = dso is "[unknown]" or "" ? null : Path.GetFileName(dso);
        return new StackFrame { Name = symbol == "[unknown]" ? $"{module ?? "?"}!?" : symbol, Module = module };
    }

    /// <summary>
    /// Splits <c>  address symbol (dso)</c>: the mapping is the balanced parenthesised group that ends the line, so a
    /// mapping name with parentheses of its own stays whole and a symbol's argument list stays in the symbol.
    /// </summary>
    internal static bool TrySplitFrame(string line, out string symbol, out string dso)
    {
        (symbol, dso) = (string.Empty, string.Empty);
        var text = line.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0 || !IsHex(text[..space]) || text[^1] != ')')
        {
            return false;
        }

        var depth = 0;
        for (var i = text.Length - 1; i > space; i--)
        {
            depth += text[i] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
            {
                symbol = text[space..i].Trim().ToString();
                dso = text[(i + 1)..^1].ToString();
                return symbol.Length > 0;
            }
        }

        return false;
    }

    private static bool IsHex(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(HexDigits);
}
