using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the real rustscope inside a pseudo-terminal (util-linux <c>script</c>), the way a user at a terminal sees it:
/// the live dashboard instead of progress lines.
/// </summary>
internal static class TerminalRun
{
    /// <summary>Runs rustscope to completion; returns its exit code and everything it drew on the terminal.</summary>
    public static async Task<(int ExitCode, string Screen)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        // script takes one command line for the shell; every part here is a path or word we chose, quoted anyway.
        var commandLine = string.Join(' ', Repository.CliCommand.Concat(arguments).Select(a => $"'{a}'"));
        var startInfo = new ProcessStartInfo("script")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "--quiet", "--return", "--command", commandLine, "/dev/null" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Remove("CI");
        startInfo.Environment["TERM"] = "xterm-256color";
        startInfo.Environment["COLUMNS"] = "100";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var script = FixtureProcess.Start(startInfo);
        var screen = script.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await script.WaitForExitAsync(timeout.Token);

        return (script.ExitCode, await screen);
    }
}
