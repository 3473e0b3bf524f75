namespace RustScope.Collectors.Series;

/// <summary>A series of runs ended before it produced anything comparable.</summary>
internal sealed class SeriesFailedException(string message) : Exception(message);
