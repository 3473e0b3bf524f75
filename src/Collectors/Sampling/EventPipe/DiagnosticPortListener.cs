using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Diagnostics.NETCore.Client;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// The diagnostic port every runtime of the target's tree inherits (<c>DOTNET_DiagnosticPorts=SOCKET,connect,…</c>):
/// each runtime connects to it as it starts and announces its pid. RustScope keeps that connection open and idle (a
/// closed one makes the runtime connect again) and sends its commands through the runtime's own default socket
/// (<see cref="DiagnosticsClient(int)"/>), since the library's reverse server accepts one runtime only; only the
/// resume of a runtime that waits goes through the port, because the runtime waits until each suspending port resumed
/// it. A runtime announces itself once per connection; each pid is reported once.
/// </summary>
internal sealed class DiagnosticPortListener : IAsyncDisposable
{
    public const string PortsVariable = "DOTNET_DiagnosticPorts";
    private const int HeaderLength = 20;
    // The header and the HRESULT an OK carries.
    private const int ResponseLength = HeaderLength + 4;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(5);
    private readonly string _socketPath;
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<int> _runtimes = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly HashSet<int> _announced = [];
    private readonly Dictionary<int, Socket> _idle = [];
    private readonly Task _accepting;

    private DiagnosticPortListener(string socketPath)
    {
        _socketPath = socketPath;
        // Bound before the child starts: a runtime that finds no socket retries only after a back-off.
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(64);
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>
    /// A port runtimes connect to and go on running: the one every child inherits, so none ever waits for a RustScope
    /// that stopped listening (a port that suspends is why <c>dotnet-trace</c> hangs on <c>dotnet build</c>).
    /// </summary>
    public string NonSuspendingPort => $"{_socketPath},connect,nosuspend";

    /// <summary>The listening socket, which the resume watchdog shares so that it outlives RustScope.</summary>
    internal SafeSocketHandle ListeningHandle => _listener.SafeHandle;

    /// <summary>Every runtime that announced itself, by pid, in order.</summary>
    public ChannelReader<int> Runtimes => _runtimes.Reader;

    /// <summary>
    /// Listens at <paramref name="socketPath"/> and points the child's runtime at it: with <paramref name="suspend"/>
    /// the child's own runtime waits until resumed (the root, whose start-up RustScope then sees whole); its children must
    /// be given <see cref="NonSuspendingPort"/> before they start.
    /// </summary>
    public static DiagnosticPortListener Listen(Process.LaunchSpec launch, string socketPath, bool suspend = true)
    {
        var listener = new DiagnosticPortListener(socketPath);
        launch.Environment[PortsVariable] = suspend ? $"{socketPath},connect,suspend" : listener.NonSuspendingPort;
        return listener;
    }

    /// <summary>
    /// The client of <paramref name="pid"/>'s runtime once it announced itself, or null when it did not before
    /// <paramref name="timeout"/> or the process ended. Only for a caller that does not read <see cref="Runtimes"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task<DiagnosticsClient?> WaitForRuntimeAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!HasAnnounced(pid) && DateTime.UtcNow < deadline && Directory.Exists($"/proc/{pid}"))
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return HasAnnounced(pid) ? new DiagnosticsClient(pid) : null;
    }

    /// <summary>
    /// Sends ResumeRuntime to <paramref name="pid"/>'s runtime over its connection to this port (which the command uses
    /// up: the runtime connects again). False when the runtime has no connection open or did not answer.
    /// </summary>
    public async Task<bool> ResumeAsync(int pid)
    {
        Socket? connection;
        lock (_gate)
        {
            _idle.Remove(pid, out connection);
        }

        if (connection is null)
        {
            return false;
        }

        using (connection)
        {
            return await SendResumeAsync(connection).ConfigureAwait(false);
        }
    }

    /// <summary>Sends ResumeRuntime over a runtime's connection to a port; true when the runtime answered OK.</summary>
    internal static async Task<bool> SendResumeAsync(Socket connection)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CommandTimeout);
            await connection.SendAsync(ResumeRuntimeCommand(), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            var response = new byte[ResponseLength];
            return await ReceiveAllAsync(connection, response, timeout.Token).ConfigureAwait(false)
                // Server command set 0xFF, command 0x00: OK.
                && response[16] == 0xFF && response[17] == 0x00;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The pid a runtime announces as it connects, or null when the connection ended (or sent something else) first.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    internal static async Task<int?> ReceiveAdvertisementAsync(Socket connection, CancellationToken cancellationToken)
    {
        var advertisement = new byte[RuntimeAdvertisement.Length];
        return await ReceiveAllAsync(connection, advertisement, cancellationToken).ConfigureAwait(false)
            ? RuntimeAdvertisement.Pid(advertisement)
            : null;
    }

    /// <summary>True once <paramref name="pid"/>'s runtime connected to the port.</summary>
    public bool HasAnnounced(int pid)
    {
        lock (_gate)
        {
            return _announced.Contains(pid);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_gate)
        {
            // A runtime whose connection closes looks for the port again, finds no socket and goes on running.
            foreach (var connection in _idle.Values)
            {
                connection.Dispose();
            }

            _idle.Clear();
        }

        File.Delete(_socketPath);
        _runtimes.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            // Read apart from the accept loop: a connection that sends nothing must not hold up the next runtime.
            _ = ReadAdvertisementAsync(connection);
        }
    }

    private async Task ReadAdvertisementAsync(Socket connection)
    {
        int? pid = null;
        try
        {
            pid = await ReceiveAdvertisementAsync(connection, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped, or the runtime went away while connecting.
        }

        lock (_gate)
        {
            if (pid is null || _stop.IsCancellationRequested)
            {
                connection.Dispose();
                return;
            }

            if (_idle.Remove(pid.Value, out var previous))
            {
                previous.Dispose();
            }

            _idle.Add(pid.Value, connection);
            if (_announced.Add(pid.Value))
            {
                _runtimes.Writer.TryWrite(pid.Value);
            }
        }
    }

    private static async Task<bool> ReceiveAllAsync(Socket connection, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var received = await connection.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (received == 0)
            {
                return false;
            }

            read += received;
        }

        return true;
    }

    /// <summary>The IPC header (ipc-protocol.md): "DOTNET_IPC_V1\0", the message size, command set Process (4), command ResumeRuntime (1).</summary>
    private static byte[] ResumeRuntimeCommand()
    {
        var command = new byte[HeaderLength];
        "DOTNET_IPC_V1\0"u8.CopyTo(command);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(command.AsSpan(14), HeaderLength);
        command[16] = 0x04;
        command[17] = 0x01;
        return command;
    }
}
