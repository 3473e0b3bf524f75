namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>A step's size relative to the level before it, with a distribution-free interval.</summary>
internal static class StepSize
{
    /// <summary>
    /// The most points taken on either side of a step, those nearest it: the interval's m·n pairwise differences stay
    /// at most 10,000 (a sort of under a millisecond, below the large-object heap), and the points nearest the step
    /// are the ones whose level it changed.
    /// </summary>
    public const int Window = 100;

    /// <summary>
    /// After / before − 1 with its interval at <paramref name="level"/>. For positive values it is the Hodges-Lehmann
    /// shift of the logs, exponentiated, so it is a ratio and its interval a ratio interval; otherwise the shift of the
    /// values over the median before.
    /// </summary>
    public static ShiftInterval Relative(double[] before, double[] after, double level)
    {
        if (before.All(static v => v > 0) && after.All(static v => v > 0))
        {
            var logs = HodgesLehmann.Interval([.. before.Select(static v => Math.Log(v))], [.. after.Select(static v => Math.Log(v))], level);
            return new ShiftInterval(Math.Exp(logs.Estimate) - 1, Math.Exp(logs.Low) - 1, Math.Exp(logs.High) - 1, level);
        }

        var scale = Math.Abs(Medians.Of(before));
        var shift = HodgesLehmann.Interval(before, after, level);
        return scale > 0
            ? new ShiftInterval(shift.Estimate / scale, shift.Low / scale, shift.High / scale, level)
            : new ShiftInterval(double.NaN, double.NaN, double.NaN, level);
    }
}
