using System.Buffers.Binary;
using RustScope.Collectors.Process.Events;

namespace RustScope.Collectors.Tests.Process;

/// <summary>struct proc_event as linux/cn_proc.h lays it out, byte by byte.</summary>
public sealed class ProcessEventTests
{
    private static byte[] Event(uint what, long timestampNs, params int[] fields)
    {
        var data = new byte[16 + (4 * Math.Max(fields.Length, 6))];
        BinaryPrimitives.WriteUInt32LittleEndian(data, what);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), 1); // cpu
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(8), timestampNs);
        for (var i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16 + (4 * i)), fields[i]);
        }

        return data;
    }

    [Fact]
    public void A_fork_names_the_child_and_its_parent_process()
    {
        Assert.True(ProcessEvent.TryParse(Event(0x1, 123_456_789, 100, 100, 205, 205), out var fork));

        Assert.Equal(new ProcessEvent(ProcessEventKind.Fork, 123_456_789, 205, 205, 100), fork);
        Assert.True(fork.IsProcess);
    }

    [Fact]
    public void A_new_thread_is_a_fork_whose_pid_is_not_its_tgid()
    {
        Assert.True(ProcessEvent.TryParse(Event(0x1, 5, 100, 100, 206, 100), out var thread));

        Assert.False(thread.IsProcess);
    }

    [Fact]
    public void Exec_and_exit_carry_the_process_and_the_exit_its_parent()
    {
        Assert.True(ProcessEvent.TryParse(Event(0x2, 7, 205, 205), out var exec));
        Assert.True(ProcessEvent.TryParse(Event(0x80000000, 9, 205, 205, 0, 17, 100, 100), out var exit));

        Assert.Equal(new ProcessEvent(ProcessEventKind.Exec, 7, 205, 205, 0), exec);
        Assert.Equal(new ProcessEvent(ProcessEventKind.Exit, 9, 205, 205, 100), exit);
    }

    [Theory]
    [InlineData(0x0u)] // the subscription's acknowledgement
    [InlineData(0x200u)] // comm: a name change, not a new process
    public void Other_events_are_not_followed(uint what)
    {
        Assert.False(ProcessEvent.TryParse(Event(what, 1, 1, 1, 1, 1), out _));
    }

    [Fact]
    public void A_truncated_event_is_refused()
    {
        Assert.False(ProcessEvent.TryParse(Event(0x1, 1, 1, 1, 1, 1).AsSpan(0, 20), out _));
    }
}
