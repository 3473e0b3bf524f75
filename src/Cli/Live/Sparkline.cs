using System.Text;

namespace RustScope.Cli.Live;

/// <summary>A bounded history rendered with block characters, scaled to its maximum, as wide as the terminal allows.</summary>
internal sealed class Sparkline(int width)
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";
    private readonly Queue<double> _values = new(width);

    public void Add(double value)
    {
        if (_values.Count == width)
        {
            _values.Dequeue();
        }

        _values.Enqueue(Math.Max(0, value));
    }

    /// <summary>The newest <paramref name="columns"/> values (at most the history's width), right-aligned.</summary>
    public string Render(double floorMax, int columns)
    {
        columns = Math.Clamp(columns, 1, width);
        var shown = _values.Skip(Math.Max(0, _values.Count - columns)).ToList();
        var max = Math.Max(floorMax, shown.DefaultIfEmpty(0).Max());
        var text = new StringBuilder(columns);
        text.Append(' ', columns - shown.Count);
        foreach (var value in shown)
        {
            text.Append(Blocks[(int)Math.Round(value / max * (Blocks.Length - 1))]);
        }

        return text.ToString();
    }
}
