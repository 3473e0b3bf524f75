using System.Buffers.Binary;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using RustScope.Collectors.Process;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Makes sure a .NET target started suspended at RustScope's diagnostic port is resumed even if RustScope dies
/// (SIGKILL, OOM) before it could: a second <c>rustscope</c> process, started before the target, shares the port's
/// listening socket and holds the read end of a pipe from RustScope. The pipe's end without a goodbye means RustScope
/// died: the watchdog then accepts the runtimes that reconnect to the port (a runtime whose connection closes connects
/// again) and resumes each, and ends once the target's runtime is resumed or the target is gone.
/// </summary>
internal sealed class ResumeWatchdog : IDisposable
{
    /// <summary>The hidden command line that runs the watchdog (<c>rustscope __resume-watchdog</c>).</summary>
    public const string Command = "__resume-watchdog";
    private const int PipeDescriptor = 3;
    private const int ListenerDescriptor = 4;
    private const int LockDescriptor = 5;
    // The pipe carries six bytes in all: "spawning", the target's pid, goodbye. Fewer at its end tell how far RustScope got.
    private const int MessageLength = 6;
    private const byte Goodbye = 1;

    // With no target announced (RustScope died before the spawn returned), how long to wait for a runtime to connect.
    private static readonly TimeSpan UnknownTargetWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AcceptPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AdvertisementTimeout = TimeSpan.FromSeconds(5);
    private readonly FileStream _pipe;
    private int _sent;

    private ResumeWatchdog(FileStream pipe) => _pipe = pipe;

    /// <summary>
    /// Starts the watchdog over <paramref name="listener"/> (and holding <paramref name="runLock"/>, so the run's
    /// folder is not cleaned up under it), or returns null: with the reason when the start failed, without one when
    /// this process is not rustscope itself.
    /// </summary>
    public static ResumeWatchdog? Start(SafeHandle listener, SafeFileHandle runLock, out string? refusal)
    {
        if (OwnCommand() is not { } command)
        {
            // Hosted by another program (a test host): nothing to start the watchdog with, and no user to warn.
            refusal = null;
            return null;
        }

        var (read, write) = Descriptors.Pipe();
        var copies = new List<int>();
        try
        {
            // Copies above the targets 3-5, so no dup2 overwrites a source another one still needs.
            int[] sources = [read, (int)listener.DangerousGetHandle(), (int)runLock.DangerousGetHandle()];
            copies.AddRange(sources.Select(source => Descriptors.CopyAbove(source, 10)));
            var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Where(entry => (string)entry.Key is not ("DOTNET_DiagnosticPorts" or "DOTNET_EnableDiagnostics"))
                .Select(entry => $"{entry.Key}={entry.Value}")
                .Append("DOTNET_EnableDiagnostics=0")
                .ToList();
            _ = HelperProcesses.Spawn(() => PosixSpawn.Spawn(command[0], [.. command, Command], environment, "/", null,
                [(copies[0], PipeDescriptor), (copies[1], ListenerDescriptor), (copies[2], LockDescriptor)]).Pid);
        }
        catch (Exception e) when (e is SpawnException or IOException)
        {
            Descriptors.Close(write);
            refusal = e.Message;
            return null;
        }
        finally
        {
            Descriptors.Close(read);
            copies.ForEach(Descriptors.Close);
        }

        refusal = null;
        return new ResumeWatchdog(new FileStream(new SafeFileHandle(write, ownsHandle: true), FileAccess.Write, 1));
    }

    /// <summary>Tells the watchdog the target is about to be started: from now on a runtime may wait for it.</summary>
    public void Spawning() => Send([2]);

    /// <summary>Tells the watchdog the target's pid: it ends once that process has ended.</summary>
    public void Guard(int rootPid)
    {
        if (_sent == 0)
        {
            Spawning();
        }

        Send(BitConverter.GetBytes(rootPid));
    }

    /// <summary>Says goodbye (RustScope resumed the target itself and ends normally) and closes the pipe.</summary>
    public void Dispose()
    {
        var rest = new byte[MessageLength - _sent];
        rest[^1] = Goodbye;
        Send(rest);
        _pipe.Dispose();
    }

    /// <summary>The watchdog process's body: waits for RustScope's end and, if it died, resumes its runtimes.</summary>
    public static async Task<int> RunAsync()
    {
        using var pipe = new FileStream(new SafeFileHandle(PipeDescriptor, ownsHandle: true), FileAccess.Read, 1);
        using var listener = new Socket(new SafeSocketHandle(ListenerDescriptor, ownsHandle: true));
        using var runLock = new SafeFileHandle(LockDescriptor, ownsHandle: true);
        var message = new byte[MessageLength];
        var length = 0;
        int read;
        while ((read = await pipe.ReadAsync(message.AsMemory(length)).ConfigureAwait(false)) > 0 && (length += read) < message.Length)
        {
        }

        // A goodbye, or RustScope died before it started the target: nothing waits.
        if (length is 0 or MessageLength)
        {
            return 0;
        }

        int? root = length >= 5 ? BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(1)) : null;
        await ResumeEveryoneAsync(listener, root).ConfigureAwait(false);

        // The dead run's folder (the port's socket, perf.data) goes with its last user.
        if (listener.LocalEndPoint is UnixDomainSocketEndPoint { } endPoint && Path.GetDirectoryName(endPoint.ToString()) is { } folder
            && Path.GetFileName(folder).StartsWith("rustscope-", StringComparison.Ordinal))
        {
            runLock.Dispose();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The next run removes it.
            }
        }

        return 0;
    }

    /// <summary>rustscope's own command line (its apphost, or <c>dotnet rustscope.dll</c>); null inside another host.</summary>
    internal static string[]? OwnCommand()
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry?.GetName().Name != "rustscope" || Environment.ProcessPath is not { } host)
        {
            return null;
        }

        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, Path.Combine(AppContext.BaseDirectory, "rustscope.dll")] : [host];
    }

    /// <summary>
    /// Resumes every runtime that connects while the target runs (its .NET children may have inherited the suspending
    /// port if RustScope died before it could hand them another), and for <see cref="Linger"/> after the last one.
    /// Without the target's pid (RustScope died as it started it), the first runtime to announce itself is the target.
    /// </summary>
    private static async Task ResumeEveryoneAsync(Socket listener, int? root)
    {
        var idleSince = DateTime.UtcNow;
        while ((root is { } pid && TargetIdentity.IsRunning(pid)) || DateTime.UtcNow - idleSince < (root is null ? UnknownTargetWait : Linger))
        {
            Socket connection;
            try
            {
                using var poll = new CancellationTokenSource(AcceptPoll);
                connection = await listener.AcceptAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            using (connection)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(AdvertisementTimeout);
                    var announced = await DiagnosticPortListener.ReceiveAdvertisementAsync(connection, timeout.Token).ConfigureAwait(false);
                    root ??= announced;
                    await DiagnosticPortListener.SendResumeAsync(connection).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException)
                {
                    // Went away while connecting: it connects again if it still waits.
                }
            }

            idleSince = DateTime.UtcNow;
        }
    }

    private void Send(byte[] bytes)
    {
        try
        {
            _pipe.Write(bytes);
            _pipe.Flush();
            _sent += bytes.Length;
        }
        catch (IOException)
        {
            // The watchdog is gone (killed with us by a process-group signal): nothing left to tell.
        }
    }
}
