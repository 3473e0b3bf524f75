using System.Runtime.CompilerServices;
using System.Diagnostics;
using RustScope.Collectors.Process.Native;
using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>
/// Samples a process tree at a fixed rate on a dedicated thread. Tree CPU is measured over a sliding window of a
/// second (see <see cref="CpuRateWindow"/>): /proc counts CPU in 10 ms ticks, so shorter windows overstate the peak.
/// The per-tick path is compiled fully optimised up front (AggressiveOptimization): under tiered compilation its
/// re-JITs and on-stack replacement kept the JIT busy for seconds, tripling the sampler's own CPU use.
/// </summary>
internal sealed class TreeSampler
{
    private const int GoneAfterFailedTicks = 3;
    private const double CpuWindowS = 1.0;

    // A run shorter than this gets no windowed rate; its peak is then its mean.
    private const double CpuWindowMinimumS = 0.5;
    private readonly ProcessTree _tree;
    private readonly double _hz;
    private readonly SpikeDetector _spikes;
    private readonly ISamplingObserver? _observer;
    private readonly List<MemoryEvent> _events = [];
    private readonly (long Timestamp, long UnixMs)? _spawned;

    /// <param name="spawned">
    /// When the root was spawned (Stopwatch timestamp and Unix ms): the session's clock starts there and all of the
    /// tree's CPU counts. Null for an attached tree: the clock starts now and only CPU used from now on counts.
    /// </param>
    public TreeSampler(ProcessTree tree, double hz, SpikeOptions spikeOptions, ISamplingObserver? observer, (long Timestamp, long UnixMs)? spawned = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(hz, 0);
        _tree = tree;
        _hz = hz;
        _spikes = new SpikeDetector(spikeOptions);
        _observer = observer;
        _spawned = spawned;
    }

    /// <summary>Samples until <paramref name="stop"/> fires or the root process is gone, then takes a final sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public SamplingResult Run(CancellationToken stop)
    {
        var ticksPerSecond = Libc.ClockTicksPerSecond;
        var startUnixMs = _spawned?.UnixMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var start = _spawned?.Timestamp ?? Stopwatch.GetTimestamp();
        var discoveryEvery = Math.Max(1, (int)Math.Round(_hz / 10));
        var window = new CpuRateWindow((int)Math.Ceiling(_hz * CpuWindowS) + 1, CpuWindowMinimumS, ticksPerSecond);
        var seconds = new SecondAggregator(startUnixMs, ticksPerSecond);
        var peaks = new TreePeaks();
        TreeTotals first = default, totals;
        double elapsed, cpuPct = 0;
        var windowed = false;
        var missingRootTicks = 0;

        for (long tick = 0; ; tick++)
        {
            elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var closesPeriod = tick % discoveryEvery == 0;
            if (closesPeriod)
            {
                _tree.Discover(elapsed);
            }

            // Where the kernel counts descriptors (6.2+) FDs cost one statx and are read every tick; listing
            // /proc/PID/fd on older kernels is the costliest read (a dentry per descriptor), done at 10 Hz there.
            totals = _tree.Refresh(elapsed, countFds: closesPeriod || FdCounter.IsCheap);
            if (tick == 0)
            {
                first = totals;
            }

            if (window.Add(elapsed, totals.CpuTicks, Math.Max(peaks.Threads, totals.Threads)) is { } rate)
            {
                cpuPct = rate;
                windowed = true;
            }

            peaks.Observe(totals, cpuPct);
            if (_spikes.Observe(startUnixMs + (long)(elapsed * 1000), totals.RssBytes, cpuPct) is { } spike)
            {
                _events.Add(spike);
                _observer?.OnEvent(spike);
            }

            seconds.Add(elapsed, totals);
            if (closesPeriod)
            {
                _tree.ClosePerProcessCpuWindows(elapsed);
                _observer?.OnStatus(new LiveStatus(elapsed, cpuPct, totals.RssBytes / 1e6, totals.Threads, totals.Fds,
                    totals.Processes, _events.Count, peaks.RssBytes / 1e6, peaks.CpuPct));
            }

            // "If /proc reads fail repeatedly, assume the child is gone": a few empty ticks in a row end the session.
            missingRootTicks = _tree.RootAlive ? 0 : missingRootTicks + 1;
            if (missingRootTicks >= GoneAfterFailedTicks)
            {
                break;
            }

            // One nanosleep call (see Libc.Sleep) costs less per wake-up than a timed wait on the token's handle; a
            // stop is then noticed within one period.
            var next = TimeSpan.FromSeconds((tick + 1) / _hz) - Stopwatch.GetElapsedTime(start);
            if (next > TimeSpan.Zero)
            {
                Libc.Sleep(next);
            }

            if (stop.IsCancellationRequested)
            {
                elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                totals = _tree.Refresh(elapsed, countFds: true);
                peaks.Observe(totals, cpuPct);
                break;
            }
        }

        seconds.Finish(elapsed, totals.CpuTicks);
        var cpuSeconds = (double)(totals.CpuTicks - (_spawned is null ? first.CpuTicks : 0)) / ticksPerSecond;
        var cpuMean = elapsed > 0 ? cpuSeconds * 100 / elapsed : 0;

        // Too short for a window: the whole run is the only honest window there is.
        var cpuMax = windowed ? peaks.CpuPct : Math.Min(cpuMean, CpuRateWindow.Ceiling(peaks.Threads));
        return new SamplingResult(startUnixMs, elapsed, cpuSeconds, Math.Round(cpuMax, 1),
            Math.Round(peaks.RssBytes / 1e6, 3), peaks.Threads, peaks.Fds, seconds.Samples, _events, _tree.Summaries())
        {
            RootSeen = _tree.RootSeen,
        };
    }
}
