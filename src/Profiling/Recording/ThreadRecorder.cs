using System.Diagnostics;

namespace RustScope.Profiling.Recording;

/// <summary>
/// The calls of one thread: a stack of frames for self time (a child's duration is subtracted from its parent) and
/// one <see cref="FunctionSlot"/> per function id. Thread-static, so the hot path touches only this thread's memory.
/// </summary>
internal sealed class ThreadRecorder
{
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;
    private CallFrame[] _stack = new CallFrame[64];
    private FunctionSlot?[] _slots = new FunctionSlot?[64];

    public int Depth { get; private set; }

    public FunctionSlot?[] Slots => _slots;

    public int Enter(int functionId, bool isSegment)
    {
        if (Depth == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        ref var frame = ref _stack[Depth];

        // The slot is created here, before the allocation counter is read, so a function's first call does not
        // charge the slot to itself or to its caller.
        frame.Slot = Slot(functionId);
        frame.ChildNs = 0;
        frame.IsSegment = isSegment;
        frame.Faulted = false;
        frame.StartAllocated = GC.GetAllocatedBytesForCurrentThread();
        frame.StartTimestamp = Stopwatch.GetTimestamp();
        return Depth++;
    }

    public void MarkFaulted(int depth)
    {
        if (depth < Depth)
        {
            _stack[depth].Faulted = true;
        }
    }

    public void Exit(int depth)
    {
        var now = Stopwatch.GetTimestamp();
        if (depth >= Depth)
        {
            return; // a frame already unwound (should not happen with woven try/finally)
        }

        // Read the allocation counter before anything here can allocate (a first slot for this function, say).
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var options = Profiler.Options;
        ref var frame = ref _stack[depth];
        var elapsed = (long)((now - frame.StartTimestamp) * NanosecondsPerTick);
        Depth = depth;
        if (depth > 0)
        {
            _stack[depth - 1].ChildNs += elapsed;
        }

        var slot = frame.Slot;
        if (frame.IsSegment)
        {
            slot.BusyNs += elapsed - frame.ChildNs;
            return;
        }

        slot.Calls++;
        slot.TotalNs += elapsed;
        slot.SelfNs += elapsed - frame.ChildNs;
        slot.AllocatedBytes += allocated - frame.StartAllocated;
        slot.MaxDepth = Math.Max(slot.MaxDepth, depth + 1);
        if (frame.Faulted)
        {
            slot.Exceptions++;
        }

        RecordLatency(slot, elapsed, options);
    }

    /// <summary>Records a call measured elsewhere (async wall time, completed on another thread).</summary>
    public void RecordCompleted(int functionId, long elapsedNs, bool faulted, ProfilerOptions options)
    {
        var slot = Slot(functionId);
        slot.Calls++;
        slot.TotalNs += elapsedNs;
        slot.SelfNs += elapsedNs;
        slot.MaxDepth = Math.Max(slot.MaxDepth, Depth + 1);
        if (faulted)
        {
            slot.Exceptions++;
        }

        RecordLatency(slot, elapsedNs, options);
    }

    private static void RecordLatency(FunctionSlot slot, long elapsedNs, ProfilerOptions options)
    {
        slot.Histogram.Record(elapsedNs);
        slot.MaxNs = Math.Max(slot.MaxNs, elapsedNs);
        if (slot.WelfordCount >= options.OutlierWarmupCalls && slot.WelfordM2 > 0)
        {
            // |x - mean| > k·sd, compared squared: no square root on the hot path.
            var distance = elapsedNs - slot.WelfordMean;
            if (distance * distance * (slot.WelfordCount - 1) > options.OutlierSigma * options.OutlierSigma * slot.WelfordM2)
            {
                slot.OutlierTimestamps[slot.Outliers % FunctionSlot.OutlierRing] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                slot.Outliers++;
            }
        }

        slot.WelfordCount++;
        var delta = elapsedNs - slot.WelfordMean;
        slot.WelfordMean += delta / slot.WelfordCount;
        slot.WelfordM2 += delta * (elapsedNs - slot.WelfordMean);
    }

    private FunctionSlot Slot(int functionId)
    {
        if (functionId < _slots.Length && _slots[functionId] is { } slot)
        {
            return slot;
        }

        // Create the slots of every function registered so far at once: a woven assembly registers all its
        // functions together, so a nested function's first call allocates nothing inside its caller's measurement.
        var registered = Math.Max(functionId + 1, FunctionRegistry.Count);
        if (registered > _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(registered, _slots.Length * 2));
        }

        for (var id = 0; id < registered; id++)
        {
            _slots[id] ??= new FunctionSlot();
        }

        return _slots[functionId]!;
    }
}
