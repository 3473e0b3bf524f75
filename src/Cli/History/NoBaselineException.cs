namespace RustScope.Cli.History;

/// <summary>The history has no runs that fit as the baseline; the message says why.</summary>
internal sealed class NoBaselineException(string message) : Exception(message);
