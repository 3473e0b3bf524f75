namespace RustScope.Cli;

/// <summary>
/// What a command may write to and ask of its surroundings: standard output and error, whether output goes to a
/// terminal, and the environment. The process passes its own; tests pass writers they read and a made-up environment.
/// </summary>
/// <param name="Out">Standard output: reports and tables (the profiled command's output under <c>run</c>).</param>
/// <param name="Error">Standard error: diagnostics, progress and warnings.</param>
/// <param name="IsOutputRedirected">False when <see cref="Out"/> is a terminal, which may get colours.</param>
/// <param name="Environment">Reads an environment variable (GITHUB_ACTIONS, NO_COLOR…).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsOutputRedirected, Func<string, string?> Environment)
{
    /// <summary>The process's own streams and environment.</summary>
    public static CliConsole Process { get; } = new(Console.Out, Console.Error, Console.IsOutputRedirected, System.Environment.GetEnvironmentVariable);
}
