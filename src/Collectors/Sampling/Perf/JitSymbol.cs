using System.Text.RegularExpressions;
using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// A frame that perf named from a .NET runtime's perf map (<c>/tmp/perf-PID.map</c>), whose symbols read
/// <c>returnType [Assembly] Namespace.Type::Method(arguments)</c>: the function and its assembly, as EventPipe names them.
/// </summary>
internal static partial class JitSymbol
{
    public static bool IsPerfMap(string dso) => PerfMapPath().IsMatch(dso);

    public static StackFrame Frame(string symbol)
    {
        // Runtime stubs ("stub<3> JitHelper<…>") carry no assembly: kept whole.
        var open = symbol.IndexOf(" [", StringComparison.Ordinal);
        var close = open < 0 ? -1 : symbol.IndexOf("] ", open, StringComparison.Ordinal);
        return close < 0
            ? new StackFrame { Name = symbol, Module = null }
            : new StackFrame { Name = symbol[(close + 2)..], Module = symbol[(open + 2)..close] };
    }

    [GeneratedRegex(@"(^|/)perf-[0-9]+\.map$")]
    private static partial Regex PerfMapPath();
}
