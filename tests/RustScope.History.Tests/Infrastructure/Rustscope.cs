using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.History.Tests.Infrastructure;

/// <summary>The rustscope CLI built beside these tests, run as a real process.</summary>
public static class Rustscope
{
    /// <summary>Starts rustscope with its output read as it comes.</summary>
    public static Process Start(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Repository.CliStartInfo(arguments);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        // Under GitHub Actions the gate would print workflow commands instead of the plain warnings asserted here.
        start.Environment.Remove("GITHUB_ACTIONS");
        return Process.Start(start)!;
    }

    /// <summary>Runs rustscope to the end.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(string directory, params string[] arguments) => FinishAsync(Start(directory, arguments));

    /// <summary>Waits for a started rustscope to end, and disposes of it.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> FinishAsync(Process process)
    {
        using var owned = process;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
