namespace RustScope.Cli.Show;

/// <summary>Rows printed in aligned columns under a header row: figures right-aligned, names left-aligned.</summary>
internal sealed class TextTable
{
    public const bool Right = true;
    public const bool Left = false;
    private const string Indent = "    ";
    private readonly (string Header, bool Right)[] _columns;
    private readonly List<string[]> _rows = [];

    public TextTable(params (string Header, bool Right)[] columns) => _columns = columns;

    public void Add(params string[] cells)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(cells.Length, _columns.Length, nameof(cells));
        _rows.Add(cells);
    }

    public void Write(TextWriter output)
    {
        var widths = _columns.Select((column, i) => _rows.Select(row => row[i].Length).Append(column.Header.Length).Max()).ToArray();
        WriteRow(output, [.. _columns.Select(c => c.Header)], widths);
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine((Indent + string.Join("  ", cells.Select((cell, i) => _columns[i].Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])))).TrimEnd());
}
