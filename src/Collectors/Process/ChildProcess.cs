using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using SystemProcess = System.Diagnostics.Process;

namespace RustScope.Collectors.Process;

/// <summary>
/// The profiled command, started without a shell: each argument is one argv entry, spaces and quotes included.
/// Its output either passes through (inherited descriptors) or is captured into a log file.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(1);
    private readonly SystemProcess _process;
    private readonly Task _capture;

    private ChildProcess(SystemProcess process, Task capture)
    {
        _process = process;
        _capture = capture;
    }

    public int Pid => _process.Id;

    /// <summary>The exit code; .NET reports death by signal N as 128 + N.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the command. <paramref name="outputLog"/> null passes stdout/stderr through.</summary>
    /// <exception cref="CommandNotFoundException">The program does not exist, is not executable or cannot be run.</exception>
    public static ChildProcess Start(LaunchSpec launch, string? outputLog)
    {
        var executable = CommandResolver.Resolve(launch.FileName, Environment.GetEnvironmentVariable("PATH"))
            ?? throw new CommandNotFoundException(launch.FileName);
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = outputLog is not null,
            RedirectStandardError = outputLog is not null,
            WorkingDirectory = launch.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in launch.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in launch.Environment)
        {
            startInfo.Environment[name] = value;
        }

        SystemProcess process;
        try
        {
            process = SystemProcess.Start(startInfo) ?? throw new CommandNotFoundException(launch.FileName);
        }
        catch (Win32Exception e)
        {
            // execve itself failed: a script without a shebang ("Exec format error"), no permission for this user.
            throw new CommandNotFoundException(launch.FileName, Marshal.GetPInvokeErrorMessage(e.NativeErrorCode), e);
        }

        var capture = outputLog is null ? Task.CompletedTask : CaptureAsync(process, outputLog);
        return new ChildProcess(process, capture);
    }

    /// <summary>Waits for the command to exit and its captured output to drain.</summary>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);

        // Descendants that outlive the command (build servers, daemons) inherit its output pipes and can hold them
        // open for minutes: the log gets a moment to drain, then the copy carries on in the background.
        await Task.WhenAny(_capture, Task.Delay(OutputDrain, cancellationToken)).ConfigureAwait(false);
    }

    public void Dispose() => _process.Dispose();

    private static async Task CaptureAsync(SystemProcess process, string outputLog)
    {
        var log = new FileStream(outputLog, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        await using (log.ConfigureAwait(false))
        {
            var gate = new SemaphoreSlim(1, 1);
            await Task.WhenAll(
                CopyAsync(process.StandardOutput.BaseStream, log, gate),
                CopyAsync(process.StandardError.BaseStream, log, gate)).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, SemaphoreSlim gate)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
                await to.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
