namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the real rustscope with its stdout kept as bytes, not decoded into lines: what passes through from the child
/// is compared byte for byte.
/// </summary>
internal static class RawOutputRun
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] arguments)
    {
        using var process = FixtureProcess.Start(RustscopeProcess.StartInfo(workingDirectory, new Dictionary<string, string>(), arguments));
        using var stdout = new MemoryStream();
        var copied = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Deadline);
        await copied;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }
}
