using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>The socket calls the process-event connector needs; .NET's Socket has no netlink family.</summary>
internal static unsafe partial class Netlink
{
    public const int EAgain = 11;
    public const int ENoBufs = 105;
    public const int EIntr = 4;
    private const int AfNetlink = 16;
    private const int SockDgram = 2;
    private const int SockCloseOnExec = 0x80000;
    private const int NetlinkConnector = 11;
    private const int SolSocket = 1;
    private const int SoReceiveBuffer = 8;
    private const int SoReceiveBufferForce = 33;
    private const int SoReceiveTimeout = 20;

    /// <summary>Opens a connector socket bound to <paramref name="group"/>; -1 and errno when refused.</summary>
    public static int OpenConnector(uint group, out int errno)
    {
        var descriptor = socket(AfNetlink, SockDgram | SockCloseOnExec, NetlinkConnector);
        if (descriptor < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return -1;
        }

        // struct sockaddr_nl: family (u16), pad (u16), pid (u32, 0: the kernel picks), groups (u32).
        var address = stackalloc byte[12];
        new Span<byte>(address, 12).Clear();
        *(ushort*)address = AfNetlink;
        *(uint*)(address + 8) = group;
        if (bind(descriptor, address, 12) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            _ = close(descriptor);
            return -1;
        }

        errno = 0;
        return descriptor;
    }

    /// <summary>A large receive buffer (a build forks hundreds of processes a second) and a timeout so a reader can stop.</summary>
    public static void Configure(int descriptor, int receiveBytes, TimeSpan receiveTimeout)
    {
        // Raising the buffer past rmem_max takes the Force variant, which only root may use; the plain one is capped.
        if (setsockopt(descriptor, SolSocket, SoReceiveBufferForce, &receiveBytes, sizeof(int)) != 0)
        {
            _ = setsockopt(descriptor, SolSocket, SoReceiveBuffer, &receiveBytes, sizeof(int));
        }

        var timeval = stackalloc long[2];
        timeval[0] = receiveTimeout.Ticks / TimeSpan.TicksPerSecond;
        timeval[1] = receiveTimeout.Ticks % TimeSpan.TicksPerSecond / 10;
        _ = setsockopt(descriptor, SolSocket, SoReceiveTimeout, timeval, 16);
    }

    /// <summary>Sends one datagram to the kernel; errno on failure, 0 on success.</summary>
    public static int SendToKernel(int descriptor, ReadOnlySpan<byte> message)
    {
        var address = stackalloc byte[12];
        new Span<byte>(address, 12).Clear();
        *(ushort*)address = AfNetlink;
        fixed (byte* data = message)
        {
            return sendto(descriptor, data, message.Length, 0, address, 12) == message.Length ? 0 : Marshal.GetLastPInvokeError();
        }
    }

    /// <summary>Receives one datagram: its length, or -errno.</summary>
    public static int Receive(int descriptor, Span<byte> buffer)
    {
        fixed (byte* data = buffer)
        {
            var read = (int)recv(descriptor, data, buffer.Length, 0);
            return read >= 0 ? read : -Marshal.GetLastPInvokeError();
        }
    }

    public static void Close(int descriptor) => _ = close(descriptor);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int bind(int descriptor, byte* address, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsockopt(int descriptor, int level, int name, void* value, int length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint sendto(int descriptor, byte* data, nint length, int flags, byte* address, int addressLength);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint recv(int descriptor, byte* data, nint length, int flags);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);
}
