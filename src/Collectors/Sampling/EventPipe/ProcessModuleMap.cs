using System.Globalization;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// The files a running process has mapped, from <c>/proc/PID/maps</c>: names the module of a code address whose module
/// the trace never named (a crashed runtime sends no rundown, and ReadyToRun code has no load event before it). Ranges
/// already seen are kept when a later read no longer shows them.
/// </summary>
internal sealed class ProcessModuleMap(int pid)
{
    // Loads come in bursts (a hundred assemblies as a build starts): the maps are read again at most this often.
    private const long RefreshIntervalMs = 200;
    private readonly Lock _gate = new();
    private readonly SortedList<ulong, (ulong End, string Module)> _ranges = [];
    private bool _stale;
    private long _refreshedAt = long.MinValue;

    /// <summary>Notes that the process mapped something new (a module load): the next <see cref="RefreshIfStale"/> reads the maps.</summary>
    public void MarkStale() => _stale = true;

    /// <summary>Reads the maps if a module was loaded since the last read and that read is old enough.</summary>
    public void RefreshIfStale()
    {
        if (_stale && Environment.TickCount64 - _refreshedAt >= RefreshIntervalMs)
        {
            Refresh();
        }
    }

    /// <summary>Reads the process's mappings again; does nothing once it is gone.</summary>
    public void Refresh()
    {
        _stale = false;
        _refreshedAt = Environment.TickCount64;
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/maps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var line in lines)
            {
                if (Parse(line) is { } range)
                {
                    _ranges[range.Start] = (range.End, range.Module);
                }
            }
        }
    }

    /// <summary>The module mapped at <paramref name="address"/> (file name without extension), or null.</summary>
    public string? ModuleAt(ulong address)
    {
        lock (_gate)
        {
            var keys = _ranges.Keys;
            int low = 0, high = keys.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (keys[middle] <= address)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return high >= 0 && _ranges.Values[high] is var range && address < range.End ? range.Module : null;
        }
    }

    /// <summary>A line such as <c>7f3a…-7f3b… r-xp 00000000 08:01 1234 /usr/share/dotnet/…/System.Private.CoreLib.dll</c>.</summary>
    internal static (ulong Start, ulong End, string Module)? Parse(string line)
    {
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 6 || !fields[5].StartsWith('/') || fields[0].Split('-') is not [var start, var end])
        {
            return null;
        }

        // "(deleted)" files and the JIT's double-mapped memfd are not modules a frame could be named after.
        var path = fields[5].Trim();
        var name = Path.GetFileNameWithoutExtension(path);
        if (path.EndsWith(" (deleted)", StringComparison.Ordinal) || path.StartsWith("/memfd:", StringComparison.Ordinal) || name.Length == 0)
        {
            return null;
        }

        return ulong.TryParse(start, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var from)
            && ulong.TryParse(end, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var to)
            ? (from, to, name)
            : null;
    }
}
