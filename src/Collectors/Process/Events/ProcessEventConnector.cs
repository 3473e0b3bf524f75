using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Process.Events;

/// <summary>
/// Follows the profiled tree through the kernel's process-event connector: every fork, exec and exit of the tree is
/// seen the moment it happens, so a compiler process that lives 5 ms is listed and the sampler can adopt each new
/// process at once instead of finding it by polling. Needs CAP_NET_ADMIN in the initial namespaces (root on a CI
/// runner); <see cref="TryOpen"/> says why when it is refused, and the tree then falls back to polling /proc.
/// </summary>
internal sealed class ProcessEventConnector : IDisposable
{
    private const uint ProcessGroup = 1; // CN_IDX_PROC
    private const int ListenOperation = 1; // PROC_CN_MCAST_LISTEN
    private const int NetlinkHeaderBytes = 16;
    private const int ConnectorHeaderBytes = 20;
    private const int ReceiveBufferBytes = 8 << 20;
    // How often an idle reader looks up to see whether it should stop or has settled.
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromMilliseconds(50);
    private readonly int _socket;
    private readonly Thread _reader;
    private readonly ManualResetEventSlim _tracked = new();
    private readonly HashSet<int> _members = [];
    private readonly Dictionary<int, ProcessLifetime> _lifetimes = [];
    private readonly ConcurrentQueue<int> _announced = new();
    private readonly Lock _gate = new();
    private volatile bool _stop;
    private int _rootPid;
    private volatile bool _settleRequested;
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProcessEventConnector(int socket)
    {
        _socket = socket;
        _reader = new Thread(Read) { IsBackground = true, Name = "rustscope process events" };
        _reader.Start();
    }

    /// <summary>True once the root's own fork was seen: the connector reports this tree (not the case in a child pid namespace).</summary>
    public bool SawRoot { get; private set; }

    /// <summary>The kernel dropped events because the reader fell behind: some processes may be missing.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Monotonic nanoseconds of the root's fork and exit, when both were seen.</summary>
    public (long StartNs, long EndNs)? RootLifetime
    {
        get
        {
            lock (_gate)
            {
                return _lifetimes.TryGetValue(_rootPid, out var root) && root.EndNs is { } end ? (root.StartNs, end) : null;
            }
        }
    }

    /// <summary>Opens the connector before the root is spawned, so that not even its first fork is missed.</summary>
    public static ProcessEventConnector? TryOpen(out string? refusal)
    {
        // The events carry CLOCK_MONOTONIC nanoseconds; Stopwatch reads the same clock when its unit is the nanosecond.
        if (Stopwatch.Frequency != 1_000_000_000)
        {
            refusal = "the monotonic clock is not in nanoseconds here";
            return null;
        }

        var socket = Netlink.OpenConnector(ProcessGroup, out var errno);
        if (socket < 0)
        {
            refusal = $"the kernel refused it: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)}";
            return null;
        }

        Netlink.Configure(socket, ReceiveBufferBytes, ReceiveTimeout);
        Span<byte> listen = stackalloc byte[NetlinkHeaderBytes + ConnectorHeaderBytes + 4];
        listen.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(listen, (uint)listen.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(listen[4..], 3); // NLMSG_DONE: one message, no multipart
        BinaryPrimitives.WriteUInt32LittleEndian(listen[16..], ProcessGroup); // cb_id.idx
        BinaryPrimitives.WriteUInt32LittleEndian(listen[20..], 1); // cb_id.val: CN_VAL_PROC
        BinaryPrimitives.WriteUInt16LittleEndian(listen[32..], 4); // len of the data
        BinaryPrimitives.WriteInt32LittleEndian(listen[36..], ListenOperation);
        if (Netlink.SendToKernel(socket, listen) is not 0 and var sendErrno)
        {
            Netlink.Close(socket);
            refusal = $"the kernel refused the subscription: {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(sendErrno)}";
            return null;
        }

        refusal = null;
        return new ProcessEventConnector(socket);
    }

    /// <summary>Names the root once it is spawned; events are read from the socket only from then on, none is lost.</summary>
    public void Track(int rootPid)
    {
        lock (_gate)
        {
            _rootPid = rootPid;
            _members.Add(rootPid);
        }

        _tracked.Set();
    }

    /// <summary>A process that joined the tree since the last call, for the sampler to adopt.</summary>
    public bool TryTakeAnnounced(out int pid) => _announced.TryDequeue(out pid);

    /// <summary>
    /// Completes once the events up to the root's exit have been handled (the root's exit event itself, or an empty
    /// socket when that event cannot come): call it once the root was reaped.
    /// </summary>
    public Task SettleAsync()
    {
        _settleRequested = true;
        if (RootLifetime is not null)
        {
            _settled.TrySetResult();
        }

        return _settled.Task;
    }

    /// <summary>Every process of the tree the connector saw, the root first.</summary>
    public IReadOnlyList<ProcessLifetime> Lifetimes()
    {
        lock (_gate)
        {
            return [.. _lifetimes.Values.OrderBy(l => l.Pid == _rootPid ? 0 : 1).ThenBy(l => l.StartNs)];
        }
    }

    public void Dispose()
    {
        _stop = true;
        _tracked.Set();
    }

    private void Read()
    {
        var buffer = new byte[8192];
        try
        {
            _tracked.Wait();
            while (!_stop)
            {
                var read = Netlink.Receive(_socket, buffer);
                if (read == -Netlink.ENoBufs)
                {
                    Overflowed = true;
                }
                else if (read < 0)
                {
                    // A timeout (EAGAIN) means the socket is empty: everything that happened so far is handled.
                    if (read == -Netlink.EAgain && _settleRequested)
                    {
                        _settled.TrySetResult();
                    }
                }
                else
                {
                    HandleDatagram(buffer.AsSpan(0, read));
                }
            }
        }
        finally
        {
            // Closed by the reader itself, never under a recv that another thread's close could hand a reused descriptor.
            Netlink.Close(_socket);
            _settled.TrySetResult();
        }
    }

    private void HandleDatagram(ReadOnlySpan<byte> datagram)
    {
        while (datagram.Length >= NetlinkHeaderBytes + ConnectorHeaderBytes)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(datagram);
            if (length < NetlinkHeaderBytes || length > datagram.Length)
            {
                return;
            }

            var payload = datagram[(NetlinkHeaderBytes + ConnectorHeaderBytes)..length];
            if (ProcessEvent.TryParse(payload, out var processEvent))
            {
                Handle(processEvent);
            }

            datagram = datagram[Math.Min(datagram.Length, (length + 3) & ~3)..];
        }
    }

    private void Handle(in ProcessEvent e)
    {
        lock (_gate)
        {
            switch (e.Kind)
            {
                case ProcessEventKind.Fork when e.IsProcess && e.Tgid == _rootPid && !SawRoot:
                    SawRoot = true;
                    _lifetimes[e.Tgid] = new ProcessLifetime(e.Tgid, e.ParentTgid, CommandName(e.Tgid) ?? "?", e.TimestampNs, null);
                    break;
                case ProcessEventKind.Fork when e.IsProcess && _members.Contains(e.ParentTgid):
                    _members.Add(e.Tgid);
                    var parentName = _lifetimes.TryGetValue(e.ParentTgid, out var parent) ? parent.Name : "?";
                    _lifetimes[e.Tgid] = new ProcessLifetime(e.Tgid, e.ParentTgid, CommandName(e.Tgid) ?? parentName, e.TimestampNs, null);
                    _announced.Enqueue(e.Tgid);
                    break;
                case ProcessEventKind.Exec when _members.Contains(e.Tgid) && _lifetimes.TryGetValue(e.Tgid, out var execed):
                    _lifetimes[e.Tgid] = CommandName(e.Tgid) is { } program ? execed with { Name = program, NameUnread = false } : execed with { NameUnread = true };
                    break;
                case ProcessEventKind.Exit when e.IsProcess && _members.Remove(e.Tgid) && _lifetimes.TryGetValue(e.Tgid, out var ended):
                    // Until its parent reaps it, the process is a zombie whose name can still be read.
                    _lifetimes[e.Tgid] = CommandName(e.Tgid) is { } last ? ended with { Name = last, NameUnread = false, EndNs = e.TimestampNs } : ended with { EndNs = e.TimestampNs };
                    if (e.Tgid == _rootPid)
                    {
                        // Everything the tree did before the root's exit was queued before this event.
                        _settled.TrySetResult();
                    }

                    break;
            }
        }
    }

    private static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
