using System.Diagnostics;

namespace RustScope.Benchmarks.Endpoint;

/// <summary>dotnet-trace (its dll, run directly so no host process adds CPU) attached to a process for a while.</summary>
internal sealed class DotnetTrace : IDisposable
{
    private readonly Process _process;

    private DotnetTrace(Process process) => _process = process;

    /// <summary>Attaches to <paramref name="pid"/> for <paramref name="duration"/>, its trace going to a temp file.</summary>
    public static async Task<DotnetTrace> AttachAsync(string dll, int pid, TimeSpan duration, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[dll, "collect", "-p", pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--duration", duration.ToString(@"dd\:hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture), "-o", output])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet-trace");
        _ = process.StandardError.ReadToEndAsync();
        // It prints the session's details once the session runs; the load starts after that.
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.Contains("Output File", StringComparison.Ordinal))
        {
        }

        _ = process.StandardOutput.ReadToEndAsync();
        return new DotnetTrace(process);
    }

    /// <summary>Waits for the end of its duration (the process is reaped then: <see cref="ChildrenCpu"/> counts it).</summary>
    public Task FinishAsync() => _process.WaitForExitAsync();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
