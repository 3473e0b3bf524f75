using System.Runtime.InteropServices;

namespace RustScope.Collectors.Native;

/// <summary>
/// The named pipe the shim writes into: RustScope holds both ends, so writers of the target can always open it and the
/// reader never sees end-of-file while the target runs; the end is a marker RustScope writes itself.
/// </summary>
internal sealed unsafe partial class Fifo : IDisposable
{
    private const int ORdOnly = 0;
    private const int OWrOnly = 1;
    private const int ONonBlock = 0x800;
    private const int OCloseOnExec = 0x80000;
    private const int FGetFl = 3;
    private const int FSetFl = 4;
    private const int FSetPipeSize = 1031;
    private const int Eintr = 4;
    private int _read = -1;
    private int _write = -1;

    private Fifo(string path) => Path = path;

    /// <summary>Where the FIFO is, for the shim's <c>RUSTSCOPE_ALLOC_PIPE</c>.</summary>
    public string Path { get; }

    /// <summary>The pipe's capacity in bytes as the kernel granted it.</summary>
    public int Capacity { get; private set; }

    /// <summary>Creates the FIFO (mode 0600) at <paramref name="path"/> and opens both ends; <paramref name="capacity"/> asks for a pipe size.</summary>
    /// <exception cref="IOException">The FIFO cannot be made or opened.</exception>
    public static Fifo Create(string path, int capacity)
    {
        var fifo = new Fifo(path);
        try
        {
            var name = System.Text.Encoding.UTF8.GetBytes(path + "\0");
            fixed (byte* p = name)
            {
                Check(mkfifo(p, 0x180), "mkfifo");
                // Non-blocking so the open does not wait for a writer; blocking again for the reader thread after.
                fifo._read = Check(open(p, ORdOnly | ONonBlock | OCloseOnExec), "open");
                fifo._write = Check(open(p, OWrOnly | OCloseOnExec), "open");
            }

            Check(fcntl(fifo._read, FSetFl, fcntl(fifo._read, FGetFl, 0) & ~ONonBlock), "fcntl");
            fifo.Capacity = fcntl(fifo._read, FSetPipeSize, capacity) is > 0 and var granted ? granted : 65536;
            return fifo;
        }
        catch
        {
            fifo.Dispose();
            throw;
        }
    }

    /// <summary>The largest pipe an unprivileged process may ask for (<c>/proc/sys/fs/pipe-max-size</c>; 1 MB when unreadable).</summary>
    public static int MaxCapacity() =>
        File.Exists("/proc/sys/fs/pipe-max-size") && int.TryParse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), out var max) && max > 0 ? max : 1 << 20;

    /// <summary>Blocks until bytes arrive; returns how many (never 0 while the write end is held).</summary>
    public int Read(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = read(_read, p, buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                if (Marshal.GetLastPInvokeError() != Eintr)
                {
                    throw new IOException($"reading the allocation pipe failed (errno {Marshal.GetLastPInvokeError()})");
                }
            }
        }
    }

    /// <summary>Writes bytes in one call (the end marker: smaller than PIPE_BUF, so never split).</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            Check((int)write(_write, p, bytes.Length), "write");
        }
    }

    public void Dispose()
    {
        if (_read >= 0)
        {
            _ = close(_read);
        }

        if (_write >= 0)
        {
            _ = close(_write);
        }

        _read = _write = -1;
    }

    private static int Check(int result, string call) =>
        result >= 0 ? result : throw new IOException($"{call} on the allocation pipe failed (errno {Marshal.GetLastPInvokeError()})");

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mkfifo(byte* path, uint mode);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int open(byte* path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fcntl(int descriptor, int command, int argument);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc")]
    private static partial int close(int descriptor);
}
