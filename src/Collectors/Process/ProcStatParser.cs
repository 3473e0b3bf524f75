using System.Runtime.CompilerServices;
using System.Buffers.Text;
using System.Text;

namespace RustScope.Collectors.Process;

/// <summary>
/// Parses <c>/proc/PID/stat</c> without allocating. The command name (field 2) is in parentheses and may itself
/// contain spaces and parentheses, so fields are counted from the LAST ')' rather than split on spaces.
/// </summary>
internal static class ProcStatParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> content, out ProcStat stat)
    {
        stat = default;
        var open = content.IndexOf((byte)'(');
        var close = content.LastIndexOf((byte)')');
        if (open <= 0 || close < open || close + 2 >= content.Length
            || !Utf8Parser.TryParse(content[..(open - 1)], out int pid, out _))
        {
            return false;
        }

        // After ") " comes field 3 (state); field n is at index n - 3 of what follows.
        var rest = content[(close + 2)..];
        var state = (char)rest[0];
        int ppid = 0, threads = 0;
        long user = 0, system = 0, reapedUser = 0, reapedSystem = 0, start = 0, rss = 0;
        var field = 3;
        while (!rest.IsEmpty && field <= 24)
        {
            var end = rest.IndexOf((byte)' ');
            var token = end < 0 ? rest : rest[..end];
            var parsed = field switch
            {
                4 => Utf8Parser.TryParse(token, out ppid, out _),
                14 => Utf8Parser.TryParse(token, out user, out _),
                15 => Utf8Parser.TryParse(token, out system, out _),
                16 => Utf8Parser.TryParse(token, out reapedUser, out _),
                17 => Utf8Parser.TryParse(token, out reapedSystem, out _),
                20 => Utf8Parser.TryParse(token, out threads, out _),
                22 => Utf8Parser.TryParse(token, out start, out _),
                24 => Utf8Parser.TryParse(token, out rss, out _),
                _ => true,
            };
            if (!parsed)
            {
                return false;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
            field++;
        }

        if (field <= 24)
        {
            return false;
        }

        stat = new ProcStat(pid, state, ppid, user, system, reapedUser, reapedSystem, threads, start, rss);
        return true;
    }

    /// <summary>The command name (field 2), exactly as the kernel reports it.</summary>
    public static string ParseName(ReadOnlySpan<byte> content)
    {
        var name = NameBytes(content);
        return name.IsEmpty ? "?" : Encoding.UTF8.GetString(name);
    }

    /// <summary>The command name's bytes (empty when there is none), to compare without decoding.</summary>
    public static ReadOnlySpan<byte> NameBytes(ReadOnlySpan<byte> content)
    {
        var open = content.IndexOf((byte)'(');
        var close = content.LastIndexOf((byte)')');
        return open >= 0 && close > open ? content[(open + 1)..close] : [];
    }
}
