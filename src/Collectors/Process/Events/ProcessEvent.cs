using System.Buffers.Binary;

namespace RustScope.Collectors.Process.Events;

/// <summary>
/// One event of the kernel's process-event connector (linux/cn_proc.h, struct proc_event): a fork, exec or exit,
/// with the kernel's monotonic timestamp of the moment it happened.
/// </summary>
internal readonly record struct ProcessEvent(ProcessEventKind Kind, long TimestampNs, int Pid, int Tgid, int ParentTgid)
{
    private const uint Fork = 0x1;
    private const uint Exec = 0x2;
    private const uint Exit = 0x80000000;

    /// <summary>
    /// Reads a struct proc_event: what (u32), cpu (u32), timestamp_ns (u64), then the event's union. Fork:
    /// parent_pid, parent_tgid, child_pid, child_tgid. Exec: process_pid, process_tgid. Exit: process_pid,
    /// process_tgid, exit_code, exit_signal, parent_pid, parent_tgid (the parent fields since Linux 4.18).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out ProcessEvent parsed)
    {
        parsed = default;
        if (data.Length < 32)
        {
            return false;
        }

        var what = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var timestamp = BinaryPrimitives.ReadInt64LittleEndian(data[8..]);
        var fields = data[16..];
        parsed = what switch
        {
            Fork => new ProcessEvent(ProcessEventKind.Fork, timestamp, Field(fields, 2), Field(fields, 3), Field(fields, 1)),
            Exec => new ProcessEvent(ProcessEventKind.Exec, timestamp, Field(fields, 0), Field(fields, 1), 0),
            Exit => new ProcessEvent(ProcessEventKind.Exit, timestamp, Field(fields, 0), Field(fields, 1), fields.Length >= 24 ? Field(fields, 5) : 0),
            _ => default,
        };
        return parsed.Kind != ProcessEventKind.None;
    }

    private static int Field(ReadOnlySpan<byte> fields, int index) => BinaryPrimitives.ReadInt32LittleEndian(fields[(4 * index)..]);

    /// <summary>A new process or an ended one, as opposed to a thread of one.</summary>
    public bool IsProcess => Pid == Tgid;
}
