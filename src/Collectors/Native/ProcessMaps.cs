using System.Globalization;

namespace RustScope.Collectors.Native;

/// <summary>The file mappings of /proc/PID/maps, sorted by address, to turn a caller address into a file and an offset.</summary>
internal sealed class ProcessMaps
{
    private readonly MemoryMapping[] _mappings;

    private ProcessMaps(MemoryMapping[] mappings) => _mappings = mappings;

    /// <summary>Parses the maps text; lines without a path (anonymous memory, JIT code) are left out.</summary>
    public static ProcessMaps Parse(string text)
    {
        var mappings = new List<MemoryMapping>();
        foreach (var line in text.Split('\n'))
        {
            // start-end perms offset dev inode path (the path may contain spaces, " (deleted)" may follow it)
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[5].Trim() is not ['/', ..] path)
            {
                continue;
            }

            var range = fields[0].Split('-');
            if (range.Length == 2
                && ulong.TryParse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end)
                && ulong.TryParse(fields[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var offset))
            {
                mappings.Add(new MemoryMapping(start, end, offset, path));
            }
        }

        return new ProcessMaps([.. mappings.OrderBy(static m => m.Start)]);
    }

    /// <summary>The mapping holding <paramref name="address"/>, if a file is mapped there.</summary>
    public MemoryMapping? Find(ulong address)
    {
        int low = 0, high = _mappings.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var mapping = _mappings[middle];
            if (address < mapping.Start)
            {
                high = middle - 1;
            }
            else if (address >= mapping.End)
            {
                low = middle + 1;
            }
            else
            {
                return mapping;
            }
        }

        return null;
    }
}
