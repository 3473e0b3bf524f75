namespace RustScope.Cli.Git;

/// <summary>A git or build command needed for the A/B trees failed; the message says which and why.</summary>
internal sealed class GitException(string message) : Exception(message);
