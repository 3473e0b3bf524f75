using System.Runtime.CompilerServices;

namespace RustScope.Collectors.Process;

/// <summary>
/// CPU use as % of one core over a sliding window of readings. /proc counts CPU in USER_HZ ticks (10 ms), so a rate
/// is off by up to a tick or two per process whatever the window: over 100 ms that is ±10-20 % of a core, and the
/// highest of many such windows read a single busy thread as 110 %. Over a second the error is a percent or two, and
/// no window may claim more than the cores the measured threads can run on.
/// </summary>
internal sealed class CpuRateWindow
{
    private readonly (double ElapsedS, long Ticks)[] _readings;
    private readonly double _minimumSpanS;
    private readonly long _ticksPerSecond;
    private int _count;
    private int _next;

    /// <param name="readings">Readings the window holds: one more than the periods it spans.</param>
    /// <param name="minimumSpanS">Until the readings span this long, there is no rate yet (too coarse to be worth showing).</param>
    /// <param name="ticksPerSecond">USER_HZ.</param>
    public CpuRateWindow(int readings, double minimumSpanS, long ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(readings, 2);
        _readings = new (double, long)[readings];
        _minimumSpanS = minimumSpanS;
        _ticksPerSecond = ticksPerSecond;
    }

    /// <summary>
    /// Adds a reading of the cumulative CPU ticks; returns the rate over the window, at most <paramref name="threads"/>
    /// (or the logical cores, if fewer) times 100 %, or null while the readings span less than the minimum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double? Add(double elapsedS, long ticks, int threads)
    {
        _readings[_next] = (elapsedS, ticks);
        _next = (_next + 1) % _readings.Length;
        if (_count < _readings.Length)
        {
            _count++;
        }

        var oldest = _readings[_count < _readings.Length ? 0 : _next];
        var span = elapsedS - oldest.ElapsedS;
        if (span < _minimumSpanS || span <= 0)
        {
            return null;
        }

        var pct = (ticks - oldest.Ticks) * 100.0 / _ticksPerSecond / span;
        return Math.Clamp(pct, 0, Ceiling(threads));
    }

    /// <summary>The most a tree or process with this many threads can use, in % of one core.</summary>
    public static double Ceiling(int threads) => Math.Min(Math.Max(threads, 1), Environment.ProcessorCount) * 100.0;
}
