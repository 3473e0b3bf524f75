namespace RustScope.Cli.Live;

/// <summary>Decides between the live dashboard and plain progress lines.</summary>
internal static class LiveViewPolicy
{
    /// <summary>The dashboard needs an interactive terminal; CI logs and pipes get plain lines.</summary>
    public static bool UseLiveView(bool noTuiRequested) =>
        !noTuiRequested
        && !Console.IsOutputRedirected
        && !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && Environment.GetEnvironmentVariable("TERM") is { Length: > 0 } term && term != "dumb";
}
