using System.Diagnostics;
using System.Text;

namespace RustScope.Cli.Git;

/// <summary>
/// Runs git and the trees' build commands directly (no shell), with their output kept off rustscope's stdout: git's is
/// returned, a build's is passed through to stderr so the user sees compiler errors. Cancelling kills the tool's
/// process tree and throws <see cref="OperationCanceledException"/>.
/// </summary>
internal static class ToolProcess
{
    public static async Task<string> GitAsync(string directory, CancellationToken cancel, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync("git", arguments, directory, echo: null, cancel).ConfigureAwait(false);
        return exitCode == 0 ? stdout.Trim() : throw new GitException($"git {string.Join(' ', arguments)} failed in {directory}: {stderr.Trim()}");
    }

    /// <param name="echo">Where the build's output goes as it comes (standard error).</param>
    public static async Task BuildAsync(IReadOnlyList<string> command, string directory, TextWriter echo, CancellationToken cancel)
    {
        var (exitCode, _, _) = await RunAsync(command[0], command.Skip(1), directory, echo, cancel).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new GitException($"the build command '{string.Join(' ', command)}' exited with {exitCode} in {directory}");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string fileName, IEnumerable<string> arguments, string directory, TextWriter? echo, CancellationToken cancel)
    {
        var startInfo = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Collect(stdout, e.Data, echo);
        process.ErrorDataReceived += (_, e) => Collect(stderr, e.Data, echo);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitException($"cannot start '{fileName}': {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static void Collect(StringBuilder buffer, string? line, TextWriter? echo)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        echo?.WriteLine(line);
    }
}
