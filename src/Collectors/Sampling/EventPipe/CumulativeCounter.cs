namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Turns a counter the runtime reports as a running total (methods-jitted-count) into the amount of each report's
/// interval. The first total counts from the runtime's start, an unknown span for an attached target, so it gives none.
/// </summary>
internal sealed class CumulativeCounter
{
    private double? _last;

    /// <summary>The growth since the previous report's total; null for the first report or when this one has no total.</summary>
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
