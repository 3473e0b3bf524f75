namespace RustScope.Cli.Series;

/// <summary>The bounds of <c>--runs auto</c>: the most runs a side (<c>--max-runs</c>) and the most time for the measured runs (<c>--max-time</c>).</summary>
internal sealed record AdaptiveBounds(int MaxRuns, TimeSpan? MaxTime);
