using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// Parses <c>perf script -F comm,pid,tid,time,ip,sym,dso</c> output: a header line per sample
/// (<c>comm pid/tid seconds:</c>, where the thread's name may hold spaces), then its frames leaf first, one per indented
/// line (<c>address symbol (dso)</c>), then a blank line. Symbols and mapping names may both hold parentheses
/// (<c>operator new(unsigned long)</c>, <c>(/memfd:doublemapper (deleted))</c>, where .NET's JIT code lives).
/// </summary>
internal static class PerfScriptParser
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <param name="reader">perf script's output.</param>
    /// <param name="into">Where the samples go, with their process, thread and second, and the threads' names.</param>
    /// <param name="zeroSeconds">The session's start on perf's clock (CLOCK_MONOTONIC, <c>perf record -k</c>), in seconds.</param>
    public static void Parse(TextReader reader, StackAggregator into, double zeroSeconds)
    {
        var leafFirst = new List<StackFrame>();
        var origin = SampleOrigin.Unknown;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || !char.IsWhiteSpace(line[0]))
            {
                // A blank line or the next sample's header ends the current sample.
                Flush(leafFirst, origin, into);
                if (line.Length > 0)
                {
                    origin = Header(line, zeroSeconds, into);
                }

                continue;
            }

            if (TrySplitFrame(line, out var symbol, out var dso))
            {
                leafFirst.Add(Frame(symbol, dso));
            }
        }

        Flush(leafFirst, origin, into);
    }

    /// <summary>
    /// Reads <c>comm pid/tid seconds:</c> from its end, names the thread, and returns the sample's origin; unknown when
    /// the line has another shape.
    /// </summary>
    internal static SampleOrigin Header(string line, double zeroSeconds, StackAggregator into)
    {
        var text = line.AsSpan().TrimEnd();
        if (text.Length == 0 || text[^1] != ':')
        {
            return SampleOrigin.Unknown;
        }

        text = text[..^1];
        var timeStart = text.LastIndexOf(' ');
        if (timeStart <= 0 || !double.TryParse(text[(timeStart + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return SampleOrigin.Unknown;
        }

        var head = text[..timeStart].TrimEnd();
        var idsStart = head.LastIndexOf(' ');
        var ids = head[(idsStart + 1)..];
        var slash = ids.IndexOf('/');
        if (idsStart <= 0 || slash <= 0 || !int.TryParse(ids[..slash], System.Globalization.CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(ids[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var tid))
        {
            return SampleOrigin.Unknown;
        }

        into.NameThread(pid, tid, head[..idsStart].Trim().ToString());
        return new SampleOrigin(pid, tid, (int)Math.Max(0, Math.Floor(seconds - zeroSeconds)));
    }

    private static void Flush(List<StackFrame> leafFirst, SampleOrigin origin, StackAggregator into)
    {
        if (leafFirst.Count == 0)
        {
            return;
        }

        leafFirst.Reverse();
        into.Add([.. leafFirst], 1, origin);
        leafFirst.Clear();
    }

    private static StackFrame Frame(string symbol, string dso)
    {
        if (symbol != "[unknown]" && JitSymbol.IsPerfMap(dso))
        {
            return JitSymbol.Frame(symbol);
        }

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
