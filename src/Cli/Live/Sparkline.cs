using System.Text;

namespace RustScope.Cli.Live;

/// <summary>
/// A bounded history of one value per second, rendered with block characters, scaled to its maximum, as wide as the
/// terminal allows. The current second's point is updated until the next second starts.
/// </summary>
internal sealed class Sparkline(int width)
{
    private const string Blocks = " ▁▂▃▄▅▆▇█";
    private readonly double[] _values = new double[width];
    private int _count;
    private int _newest = -1;
    private long _newestSecond = -1;

    /// <summary>
    /// Records <paramref name="value"/> for the second <paramref name="elapsedS"/> falls in; within a second the point
    /// keeps the value given by <paramref name="combine"/> (the latest, or the highest).
    /// </summary>
    public void Record(double elapsedS, double value, Func<double, double, double> combine)
    {
        value = Math.Max(0, value);
        var second = (long)Math.Floor(elapsedS);
        if (second == _newestSecond && _newest >= 0)
        {
            _values[_newest] = combine(_values[_newest], value);
            return;
        }

        _newestSecond = second;
        _newest = (_newest + 1) % width;
        _values[_newest] = value;
        _count = Math.Min(_count + 1, width);
    }

    /// <summary>The newest <paramref name="columns"/> seconds (at most the history's width), right-aligned.</summary>
    public string Render(double floorMax, int columns)
    {
        columns = Math.Clamp(columns, 1, width);
        var shown = Math.Min(columns, _count);
        var max = floorMax;
        for (var i = 0; i < shown; i++)
        {
            max = Math.Max(max, ValueAgo(i));
        }

        var text = new StringBuilder(columns);
        text.Append(' ', columns - shown);
        for (var i = shown - 1; i >= 0; i--)
        {
            text.Append(Blocks[(int)Math.Round(ValueAgo(i) / max * (Blocks.Length - 1))]);
        }

        return text.ToString();
    }

    private double ValueAgo(int points) => _values[((_newest - points) % width + width) % width];
}
