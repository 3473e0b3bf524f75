namespace RustScope.Cli.Live;

/// <summary>Decides how a run shows itself (<see cref="RunView"/> says where rustscope's own text goes).</summary>
internal static class LiveViewPolicy
{
    /// <summary>The dashboard needs an interactive terminal; CI logs and pipes get plain lines; <c>--quiet</c> gets nothing.</summary>
    public static RunDisplay Choose(bool quiet, bool noTuiRequested) =>
        quiet ? RunDisplay.Quiet
        : !noTuiRequested && IsInteractiveTerminal() ? RunDisplay.Dashboard
        : RunDisplay.Lines;

    private static bool IsInteractiveTerminal() =>
        !Console.IsOutputRedirected
        && !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";
}
