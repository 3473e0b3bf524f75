using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RustScope.Profiling.Recording;

/// <summary>
/// The calls of one thread: a stack of frames for self time (a child's duration is subtracted from its parent) and
/// one <see cref="FunctionSlot"/> per function this thread has called, created on its first call. Only its own
/// thread records here, so the hot path touches this thread's memory alone.
/// </summary>
internal sealed class ThreadRecorder
{
    private readonly ConcurrentQueue<DetachedScope> _detached = new();
    private CallFrame[] _stack = new CallFrame[16];
    private FunctionSlot?[] _slots = [];
    private int _depth;
    private int _detachedPending;

    public FunctionSlot?[] Slots => Volatile.Read(ref _slots);

    /// <summary>
    /// Pushes a frame. The call carries its function's slot, looked up here before the clock starts: the exit then
    /// writes to it at once instead of finding it again after its own clock read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ProfiledCall Enter(int functionId, FrameKind kind)
    {
        if (Volatile.Read(ref _detachedPending) != 0)
        {
            DropDetachedScopes();
        }

        var slot = SlotOf(functionId);

        var depth = _depth;
        var stack = _stack;
        if ((uint)depth >= (uint)stack.Length)
        {
            stack = Grow();
        }

        ref var frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stack), depth);
        frame.FunctionId = functionId;
        frame.Kind = kind;
        frame.Outcome = CallOutcome.Returned;
        frame.ChildTicks = 0;
        _depth = depth + 1;
        frame.StartAllocated = GC.GetAllocatedBytesForCurrentThread();
        frame.StartTimestamp = CallClock.Now();
        return new ProfiledCall(this, slot, depth);
    }

    /// <summary>The call at <paramref name="depth"/> is ending with an exception (its frame is exited after).</summary>
    public void MarkThrown(int depth, CallOutcome outcome)
    {
        if ((uint)depth < (uint)_depth)
        {
            _stack[depth].Outcome = outcome;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit(FunctionSlot slot, int depth) => Exit(slot, depth, CallClock.Now(), GC.GetAllocatedBytesForCurrentThread());

    /// <summary>
    /// Ends an async call from its last segment, before the builder completes its task: the segment on one clock read,
    /// then the call's wall time since <paramref name="startTimestamp"/>. Continuations the completion runs inline
    /// (the awaiting code) come after, so they are never part of this call.
    /// </summary>
    public void ExitAsync(FunctionSlot slot, int depth, long startTimestamp, CallOutcome outcome)
    {
        var now = CallClock.Now();
        Exit(slot, depth, now, GC.GetAllocatedBytesForCurrentThread());
        RecordCompleted(slot, now - startTimestamp, outcome);
    }

    /// <summary>
    /// Ends an iterator's enumeration from the segment an exception is leaving (its fault handler, after the frames
    /// above it have ended): the segment, then the call, with the outcome the exception filter marked on the frame.
    /// </summary>
    public void ExitFaultedIteration(FunctionSlot slot, int depth, long startTimestamp)
    {
        var outcome = (uint)depth < (uint)_depth ? _stack[depth].Outcome : CallOutcome.Faulted;
        ExitAsync(slot, depth, startTimestamp, outcome == CallOutcome.Returned ? CallOutcome.Faulted : outcome);
    }

    /// <summary>Whether a segment of the function is running on this thread right now (its frame on top).</summary>
    public bool InSegmentOf(int functionId) =>
        _depth > 0 && _stack[_depth - 1] is { Kind: FrameKind.Segment } frame && frame.FunctionId == functionId;

    /// <summary>
    /// Records a call that returned without a frame of its own on this thread's stack (an enumeration ended by its
    /// consumer's Dispose, a scope that ended after an await): its wall time.
    /// </summary>
    public void RecordEnded(int functionId, long elapsedTicks) => RecordCompleted(SlotOf(functionId), elapsedTicks, CallOutcome.Returned);

    /// <summary>
    /// Records a scope that ended somewhere other than on top of this thread's stack (after an await, say): its wall
    /// time and depth; its nested calls stayed with the frame on the thread that entered it.
    /// </summary>
    public void RecordDetached(int functionId, long elapsedTicks, int depth)
    {
        RecordEnded(functionId, elapsedTicks);
        SlotOf(functionId).ReachedDepth(depth + 1);
    }

    /// <summary>Whether the frame at <paramref name="depth"/> is still the one a scope entered. Owner thread only.</summary>
    public bool IsOpen(int depth, int functionId, long startTimestamp) =>
        depth < _depth && _stack[depth] is var frame && frame.FunctionId == functionId && frame.StartTimestamp == startTimestamp;

    public long StartOf(int depth) => _stack[depth].StartTimestamp;

    /// <summary>
    /// Called from another thread: the scope at <paramref name="scope"/> ended there. This thread drops the frame
    /// itself, before its next call, so its stack is never written by two threads.
    /// </summary>
    public void Detach(DetachedScope scope)
    {
        _detached.Enqueue(scope);
        Interlocked.Increment(ref _detachedPending);
    }

    /// <summary>
    /// Keeps bytes the profiler allocated on this thread (a slot, a bigger stack) out of the calls in progress: their
    /// start counters move forward by that much.
    /// </summary>
    public void ExcludeAllocation(long bytes)
    {
        for (var i = 0; i < _depth; i++)
        {
            _stack[i].StartAllocated += bytes;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Exit(FunctionSlot slot, int depth, long now, long allocated)
    {
        if ((uint)depth >= (uint)_depth)
        {
            return; // already unwound by an enclosing frame (a scope that outlived it)
        }

        ref var frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_stack), depth);
        var elapsed = now - frame.StartTimestamp;
        var child = frame.ChildTicks;
        _depth = depth;
        if (depth > 0)
        {
            Unsafe.Add(ref frame, -1).ChildTicks += elapsed;
        }

        slot.AllocatedBytes += allocated - frame.StartAllocated;
        slot.ReachedDepth(depth + 1);
        if (frame.Kind == FrameKind.Segment)
        {
            // An async call's wall time arrives when it completes; its self time is that minus these children.
            slot.BusyTicks += elapsed - child;
            slot.SelfTicks -= child;
            return;
        }

        slot.SelfTicks += elapsed - child;
        slot.Count(frame.Outcome);
        slot.RecordLatency(elapsed);
    }

    private static void RecordCompleted(FunctionSlot slot, long elapsedTicks, CallOutcome outcome)
    {
        slot.SelfTicks += elapsedTicks;
        slot.Count(outcome);
        slot.RecordLatency(elapsedTicks);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FunctionSlot SlotOf(int functionId)
    {
        var slots = _slots;
        return (uint)functionId < (uint)slots.Length && slots[functionId] is { } slot ? slot : CreateSlot(functionId);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private FunctionSlot CreateSlot(int functionId)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var slots = _slots;
        if (functionId >= slots.Length)
        {
            Array.Resize(ref slots, Math.Max(functionId + 1, slots.Length * 2));
        }

        var slot = new FunctionSlot();
        slots[functionId] = slot;
        Volatile.Write(ref _slots, slots);
        ExcludeAllocation(GC.GetAllocatedBytesForCurrentThread() - before);
        return slot;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private CallFrame[] Grow()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        Array.Resize(ref _stack, _stack.Length * 2);
        ExcludeAllocation(GC.GetAllocatedBytesForCurrentThread() - before);
        return _stack;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DropDetachedScopes()
    {
        // Frames above a detached one are still running: it is dropped once they have ended and it is on top.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var resolved = 0;
        for (var progress = true; progress;)
        {
            progress = false;
            for (var pending = _detached.Count; pending > 0 && _detached.TryDequeue(out var scope); pending--)
            {
                if (!IsOpen(scope.Depth, scope.FunctionId, scope.StartTimestamp))
                {
                    resolved++;
                }
                else if (scope.Depth == _depth - 1)
                {
                    _depth = scope.Depth;
                    resolved++;
                    progress = true;
                }
                else
                {
                    _detached.Enqueue(scope);
                }
            }
        }

        Interlocked.Add(ref _detachedPending, -resolved);
        ExcludeAllocation(GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public void Clear() => Array.Clear(Slots);
}
