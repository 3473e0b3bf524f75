using System.Runtime.CompilerServices;
using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>Folds full-rate ticks into the one-sample-per-second series of the session (the original contract).</summary>
internal sealed class SecondAggregator(long startUnixMs, long ticksPerSecond)
{
    private readonly List<Sample> _samples = [];
    private double _secondStartS;
    private long _secondStartTicks = -1;
    private long _maxRss;
    private int _maxThreads, _maxFds, _maxProcesses;

    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Adds one tick, closing the second's sample when a second has passed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(double elapsedS, in TreeTotals totals)
    {
        if (_secondStartTicks < 0)
        {
            _secondStartTicks = totals.CpuTicks;
        }

        _maxRss = Math.Max(_maxRss, totals.RssBytes);
        _maxThreads = Math.Max(_maxThreads, totals.Threads);
        _maxFds = Math.Max(_maxFds, totals.Fds);
        _maxProcesses = Math.Max(_maxProcesses, totals.Processes);
        if (elapsedS - _secondStartS >= 1.0)
        {
            Close(elapsedS, totals.CpuTicks);
        }
    }

    /// <summary>Closes the partial last second, so even a short run has a sample.</summary>
    public void Finish(double elapsedS, long cpuTicks)
    {
        if (_secondStartTicks >= 0 && (elapsedS - _secondStartS > 0.05 || _samples.Count == 0))
        {
            Close(elapsedS, cpuTicks);
        }
    }

    private void Close(double elapsedS, long cpuTicks)
    {
        var span = Math.Max(elapsedS - _secondStartS, 1e-3);
        _samples.Add(new Sample
        {
            Ts = startUnixMs + (long)(elapsedS * 1000),
            CpuPct = Math.Round((cpuTicks - _secondStartTicks) * 100.0 / ticksPerSecond / span, 1),
            HeapMb = Math.Round(_maxRss / 1e6, 3),
            Threads = _maxThreads,
            Fds = _maxFds,
            Processes = _maxProcesses,
        });
        _secondStartS = elapsedS;
        _secondStartTicks = cpuTicks;
        _maxRss = 0;
        _maxThreads = _maxFds = _maxProcesses = 0;
    }
}
