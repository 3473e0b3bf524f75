using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RustScope.Profiling.Recording;

/// <summary>
/// The clock every profiled call reads twice: the CPU's time-stamp counter where <see cref="TimeStampCounter"/> can
/// read it, else <see cref="Stopwatch"/>. A Stopwatch timestamp is a vDSO clock_gettime with a serialising fence,
/// behind a P/Invoke, and costs more than a counter read; the two reads are most of a call's cost (figures: see
/// docs/profiling.md, "Overhead"). <c>RUSTSCOPE_CLOCK=stopwatch</c> chooses Stopwatch anyway. Ticks become
/// nanoseconds once, when reports are made, at a rate measured against Stopwatch since the clock started.
/// </summary>
internal static unsafe class CallClock
{
    /// <summary>The environment variable that chooses Stopwatch over the time-stamp counter.</summary>
    public const string Variable = "RUSTSCOPE_CLOCK";

    // The rate is measured over at least this long (a read pair is skewed by about 20 ns: 20 ppm), and settles once
    // measured over a second (0.02 ppm).
    private const double ShortestBaselineNs = 1e6;
    private const double SettledBaselineNs = 1e9;
    private const int PairAttempts = 5;

    private static readonly double StopwatchNanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private static readonly delegate* unmanaged[SuppressGCTransition]<long> Counter = ChooseCounter();
    private static readonly (long Counter, long Stopwatch) Start = ReadPair();
    private static double s_settledNanosecondsPerTick;

    /// <summary>Whether ticks come from the time-stamp counter rather than Stopwatch.</summary>
    public static bool UsesTimeStampCounter => Counter != null;

    /// <summary>Now, in this clock's ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Now() => Counter != null ? Counter() : Stopwatch.GetTimestamp();

    /// <summary>The length of one tick.</summary>
    public static double NanosecondsPerTick =>
        Counter == null ? StopwatchNanosecondsPerTick : Volatile.Read(ref s_settledNanosecondsPerTick) is > 0 and var settled ? settled : MeasureRate();

    private static delegate* unmanaged[SuppressGCTransition]<long> ChooseCounter() =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "stopwatch", StringComparison.OrdinalIgnoreCase) ? null : TimeStampCounter.TryCreateReader();

    /// <summary>
    /// A counter reading and a Stopwatch one taken at the same moment: the Stopwatch read between two counter reads,
    /// the narrowest of a few tries (a preemption between the reads would skew the pair by its length).
    /// </summary>
    private static (long Counter, long Stopwatch) ReadPair()
    {
        if (Counter == null)
        {
            return (0, Stopwatch.GetTimestamp());
        }

        (long Counter, long Stopwatch) best = default;
        var narrowest = long.MaxValue;
        for (var attempt = 0; attempt < PairAttempts; attempt++)
        {
            var before = Counter();
            var stopwatch = Stopwatch.GetTimestamp();
            var after = Counter();
            if (after - before < narrowest)
            {
                (narrowest, best) = (after - before, (before + ((after - before) / 2), stopwatch));
            }
        }

        return best;
    }

    private static double MeasureRate()
    {
        var now = ReadPair();
        var elapsedNs = (now.Stopwatch - Start.Stopwatch) * StopwatchNanosecondsPerTick;
        if (elapsedNs < ShortestBaselineNs)
        {
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Ceiling((ShortestBaselineNs - elapsedNs) / 1e6)));
            now = ReadPair();
            elapsedNs = (now.Stopwatch - Start.Stopwatch) * StopwatchNanosecondsPerTick;
        }

        var rate = elapsedNs / (now.Counter - Start.Counter);
        if (elapsedNs >= SettledBaselineNs)
        {
            Volatile.Write(ref s_settledNanosecondsPerTick, rate);
        }

        return rate;
    }
}
