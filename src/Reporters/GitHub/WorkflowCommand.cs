using RustScope.Core.Diagnostics;

namespace RustScope.Reporters.GitHub;

/// <summary>
/// The escaping of GitHub's workflow commands (the runner's <c>ActionCommand</c> unescapes exactly these): data
/// escapes % CR LF; property values also ':' and ','. Other control characters (a terminal escape in a function
/// name) are neutralised, because the log is shown in a terminal-like viewer.
/// </summary>
internal static class WorkflowCommand
{
    /// <summary>Escapes the message part, after <c>::</c>.</summary>
    public static string Data(string text) => TerminalText.Neutralize(
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal));

    /// <summary>Escapes a property value such as <c>title=</c>.</summary>
    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
