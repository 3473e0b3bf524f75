using System.Text.RegularExpressions;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// Parses <c>perf script -F comm,tid,ip,sym,dso</c> output: a header line per sample, then its frames leaf first,
/// one per indented line (<c>address symbol (dso)</c>), then a blank line.
/// </summary>
internal static partial class PerfScriptParser
{
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

            if (FrameLine().Match(line) is { Success: true } match)
            {
                leafFirst.Add(Frame(match.Groups["sym"].Value, match.Groups["dso"].Value));
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
        into.Add([.. leafFirst], 1);
        leafFirst.Clear();
    }

    private static StackFrame Frame(string symbol, string dso)
    {
        var module = dso is "[unknown]" or "" ? null : Path.GetFileName(dso);
        return new StackFrame { Name = symbol == "[unknown]" ? $"{module ?? "?"}!?" : symbol, Module = module };
    }

    [GeneratedRegex(@"^\s+[0-9a-fA-F]+\s+(?<sym>.*?)\s+\((?<dso>[^()]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();
}
