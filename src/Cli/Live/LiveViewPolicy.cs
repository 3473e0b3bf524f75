namespace RustScope.Cli.Live;

/// <summary>Decides how a run shows itself and where rustscope's own text goes.</summary>
internal static class LiveViewPolicy
{
    /// <summary>The dashboard needs an interactive terminal; CI logs and pipes get plain lines; <c>--quiet</c> gets nothing.</summary>
    public static RunDisplay Choose(bool quiet, bool noTuiRequested) =>
        quiet ? RunDisplay.Quiet
        : !noTuiRequested && IsInteractiveTerminal() ? RunDisplay.Dashboard
        : RunDisplay.Lines;

    /// <summary>
    /// Where progress, summaries and warnings go: stderr, as with <c>/usr/bin/time</c>, because the child's stdout may
    /// be a binary stream piped on (<c>rustscope run -- xz -c f &gt; f.xz</c>); nowhere under <c>--quiet</c>.
    /// </summary>
    public static TextWriter Messages(RunDisplay display) => display == RunDisplay.Quiet ? TextWriter.Null : Console.Error;

    private static bool IsInteractiveTerminal() =>
        !Console.IsOutputRedirected
        && !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";
}
