namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Turns a counter the runtime reports as a running total (methods-jitted-count) into the amount of each report's
/// interval. The first total counts from the runtime's start: the first interval's amount for a runtime sampled from its
/// start, an unknown span for an attached one, which gives none.
/// </summary>
/// <param name="fromStart">True when the runtime was sampled from its start, so its first total is the first amount.</param>
internal sealed class CumulativeCounter(bool fromStart)
{
    private double? _last = fromStart ? 0 : null;

    /// <summary>The growth since the previous report's total; null when this one has no total, and for an attached runtime's first.</summary>
    public double? Next(double? total)
    {
        if (total is not { } value)
        {
            return null;
        }

        var previous = _last;
        _last = value;
        // A total never shrinks; if it appears to (a counter reset), the interval's amount is unknown.
        return previous is { } last && value >= last ? value - last : null;
    }
}
