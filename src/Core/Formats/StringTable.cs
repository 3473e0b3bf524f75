namespace RustScope.Core.Formats;

/// <summary>A table of distinct strings addressed by index, entry 0 the empty string, as pprof's <c>string_table</c> wants.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, long> _index = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly List<string> _entries = [""];

    /// <summary>The index of <paramref name="value"/>, added on first use.</summary>
    public long this[string value]
    {
        get
        {
            if (!_index.TryGetValue(value, out var index))
            {
                index = _entries.Count;
                _index.Add(value, index);
                _entries.Add(value);
            }

            return index;
        }
    }

    /// <summary>The strings in index order.</summary>
    public IReadOnlyList<string> Entries => _entries;
}
