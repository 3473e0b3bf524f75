using System.Text;

namespace RustScope.Cli.Live;

/// <summary>A fixed-width history rendered with block characters, scaled to its own maximum.</summary>
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

    public string Render(double floorMax)
    {
        var max = Math.Max(floorMax, _values.DefaultIfEmpty(0).Max());
        var text = new StringBuilder(width);
        text.Append(' ', width - _values.Count);
        foreach (var value in _values)
        {
            text.Append(Blocks[(int)Math.Round(value / max * (Blocks.Length - 1))]);
        }

        return text.ToString();
    }
}
