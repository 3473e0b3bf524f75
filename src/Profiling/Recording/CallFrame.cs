namespace RustScope.Profiling.Recording;

/// <summary>
/// One profiled call in progress on a thread, 32 bytes: the function is an id, not a slot reference, so pushing a
/// frame stores no object reference (no GC write barrier).
/// </summary>
internal struct CallFrame
{
    public long StartTimestamp;
    public long ChildTicks;
    public long StartAllocated;
    public int FunctionId;
    public FrameKind Kind;
    public CallOutcome Outcome;
}
