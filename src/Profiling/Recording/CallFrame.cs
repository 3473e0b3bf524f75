namespace RustScope.Profiling.Recording;

/// <summary>One profiled call in progress on a thread.</summary>
internal struct CallFrame
{
    public FunctionSlot Slot;
    public long StartTimestamp;
    public long ChildNs;
    public long StartAllocated;
    public bool IsSegment;
    public bool Faulted;
}
