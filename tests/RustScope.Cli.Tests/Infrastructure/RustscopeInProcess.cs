namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// rustscope's commands run inside the test process with their console injected: the same parsing, judging and
/// reporting as a real run, without starting a runtime for each call. For commands that profile nothing (compare,
/// check, show, export, comment, and every input error); <see cref="RustscopeProcess"/> stays for the end-to-end runs.
/// </summary>
internal static class RustscopeInProcess
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs rustscope to completion in <paramref name="workingDirectory"/>, as in CI (<c>CI=true</c>), outside GitHub Actions.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <param name="environment">The environment variables the commands see, beside <c>CI=true</c>.</param>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, IsOutputRedirected: true, name => environment.TryGetValue(name, out var value) ? value : name == "CI" ? "true" : null);

        // Relative paths are the user's, from where rustscope was started; the tests of this assembly run one at a time.
        await OneAtATime.WaitAsync();
        var previous = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(workingDirectory);
            var exitCode = await CliApplication.RunAsync(arguments, console);
            return (exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
            OneAtATime.Release();
        }
    }
}
