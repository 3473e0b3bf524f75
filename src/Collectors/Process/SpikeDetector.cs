using System.Runtime.CompilerServices;
using System.Globalization;
using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>
/// Turns samples into spike events. A sustained high CPU is one event on the rising edge; it re-arms only after CPU
/// stayed under the threshold for a whole second, so a busy process that is briefly preempted (or a value hovering
/// at the threshold) does not flood the session.
/// </summary>
internal sealed class SpikeDetector(SpikeOptions options)
{
    private const long RearmAfterMs = 1000;
    private long _previousRss = -1;
    private bool _cpuHigh;
    private long _lowSinceMs = -1;

    /// <summary>Checks one sample; returns the event it raises, if any (memory first: it is the rarer signal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MemoryEvent? Observe(long unixMs, long rssBytes, double cpuPct)
    {
        var previous = _previousRss;
        _previousRss = rssBytes;
        if (previous >= 0 && (rssBytes - previous) / 1e6 is var growthMb && growthMb > options.MemoryGrowthMb)
        {
            return new MemoryEvent
            {
                Ts = unixMs,
                Type = "spike",
                Location = string.Create(CultureInfo.InvariantCulture, $"Memory spike: +{growthMb:F1} MB"),
                DeltaMb = Math.Round(growthMb, 3),
                CpuPct = Math.Round(cpuPct, 1),
            };
        }

        if (!_cpuHigh && cpuPct > options.CpuPct)
        {
            _cpuHigh = true;
            return new MemoryEvent
            {
                Ts = unixMs,
                Type = "cpu_spike",
                Location = string.Create(CultureInfo.InvariantCulture, $"CPU spike: {cpuPct:F0} %"),
                CpuPct = Math.Round(cpuPct, 1),
            };
        }

        if (cpuPct > options.CpuPct)
        {
            _lowSinceMs = -1;
        }
        else if (_lowSinceMs < 0)
        {
            _lowSinceMs = unixMs;
        }
        else if (_cpuHigh && unixMs - _lowSinceMs >= RearmAfterMs)
        {
            _cpuHigh = false;
        }

        return null;
    }
}
