using System.Runtime.InteropServices;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// The two FIFOs of <c>perf record -D -1 --control fifo:CTL,ACK</c>: perf starts with its events disabled and
/// enables them on "enable", answering "ack" once it records. That answer is the only reliable sign that a child
/// forked from now on is followed (fork records are only written while the events are enabled).
/// </summary>
internal sealed partial class PerfControlFifos : IDisposable
{
    private const uint OwnerReadWrite = 0x180; // 0600
    private readonly FileStream _control;
    private readonly FileStream _ack;

    private PerfControlFifos(string controlPath, string ackPath)
    {
        // Read-write opens of a FIFO never block on Linux, whether or not perf has its end open yet.
        _control = new FileStream(controlPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
        _ack = new FileStream(ackPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
        PerfArgument = $"fifo:{controlPath},{ackPath}";
    }

    /// <summary>The value of perf's <c>--control</c> option.</summary>
    public string PerfArgument { get; }

    /// <exception cref="IOException">A FIFO cannot be created.</exception>
    public static PerfControlFifos Create(string directory)
    {
        var controlPath = Path.Combine(directory, "perf-control.fifo");
        var ackPath = Path.Combine(directory, "perf-ack.fifo");
        foreach (var path in new[] { controlPath, ackPath })
        {
            if (MakeFifo(path, OwnerReadWrite) != 0)
            {
                throw new IOException($"mkfifo {path} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }

        return new PerfControlFifos(controlPath, ackPath);
    }

    /// <summary>Asks perf to enable its events; true once perf acknowledged, false when it exited or the time ran out.</summary>
    public async Task<bool> EnableAsync(Task perfExited, TimeSpan timeout)
    {
        _control.Write("enable\n"u8);
        _control.Flush();
        var acknowledged = Task.Run(ReadAck);
        if (await Task.WhenAny(acknowledged, perfExited, Task.Delay(timeout)).ConfigureAwait(false) == acknowledged)
        {
            return await acknowledged.ConfigureAwait(false);
        }

        // Our end is open for writing too: this wakes the blocked read.
        _ack.Write("nak\n"u8);
        _ack.Flush();
        await acknowledged.ConfigureAwait(false);
        return false;
    }

    public void Dispose()
    {
        _control.Dispose();
        _ack.Dispose();
    }

    private bool ReadAck()
    {
        var answer = new byte[4];
        var read = 0;
        while (read < answer.Length && _ack.Read(answer, read, answer.Length - read) is > 0 and var count)
        {
            read += count;
        }

        return answer.AsSpan(0, read).SequenceEqual("ack\n"u8);
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MakeFifo(string path, uint mode);
}
