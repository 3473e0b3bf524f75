using System.Globalization;
using System.Text.RegularExpressions;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// Parses <c>perf script --show-task-events -F comm,pid,tid,ip,sym,dso</c>: per sample a header line
/// (<c>comm pid/tid</c>), its frames leaf first, one per indented line (<c>address symbol (dso)</c>), and a blank line;
/// fork records between them. Only samples of the profiled tree count: the root and every process it forked.
/// </summary>
internal sealed partial class PerfScriptParser(int rootPid)
{
    private readonly HashSet<int> _tree = [rootPid];
    private readonly List<StackFrame> _leafFirst = [];
    private bool _inTree;

    public void Parse(TextReader reader, StackAggregator into)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                if (_inTree && FrameLine().Match(line) is { Success: true } frame)
                {
                    _leafFirst.Add(Frame(frame.Groups["sym"].Value, frame.Groups["dso"].Value));
                }

                continue;
            }

            // A blank line, a task event or the next sample's header ends the current sample.
            Flush(into);
            if (HeaderLine().Match(line) is { Success: true } header)
            {
                OnHeader(int.Parse(header.Groups["pid"].ValueSpan, CultureInfo.InvariantCulture), header.Groups["rest"].Value);
            }
        }

        Flush(into);
    }

    private void OnHeader(int pid, string rest)
    {
        if (ForkRecord().Match(rest) is { Success: true } fork)
        {
            if (_tree.Contains(int.Parse(fork.Groups["parent"].ValueSpan, CultureInfo.InvariantCulture)))
            {
                _tree.Add(int.Parse(fork.Groups["child"].ValueSpan, CultureInfo.InvariantCulture));
            }

            _inTree = false;
            return;
        }

        _inTree = !rest.StartsWith("PERF_RECORD_", StringComparison.Ordinal) && _tree.Contains(pid);
    }

    private void Flush(StackAggregator into)
    {
        if (_leafFirst.Count > 0)
        {
            _leafFirst.Reverse();
            into.Add([.. _leafFirst], 1);
            _leafFirst.Clear();
        }

        _inTree = false;
    }

    private static StackFrame Frame(string symbol, string dso)
    {
        var module = dso is "[unknown]" or "" ? null : Path.GetFileName(dso);
        return new StackFrame { Name = symbol == "[unknown]" ? $"{module ?? "?"}!?" : symbol, Module = module };
    }

    [GeneratedRegex(@"^(?<comm>.*?)\s+(?<pid>-?\d+)/(?<tid>-?\d+)\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^PERF_RECORD_FORK\((?<child>\d+):\d+\):\((?<parent>\d+):\d+\)", RegexOptions.CultureInvariant)]
    private static partial Regex ForkRecord();

    [GeneratedRegex(@"^\s+[0-9a-fA-F]+\s+(?<sym>.*?)\s+\((?<dso>[^()]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();
}
