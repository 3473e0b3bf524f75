namespace RustScope.Core.Model;

/// <summary>
/// Where threads had to wait for a lock another thread held, from the .NET runtime's contention events: one entry per
/// call stack that entered the contended lock.
/// </summary>
public sealed record LockContention
{
    /// <summary>The function that asked for the lock: the first frame of <see cref="Stack"/>, leaf side, outside the runtime's lock code.</summary>
    public required string Function { get; init; }

    /// <summary>Module of <see cref="Function"/>.</summary>
    public string? Module { get; init; }

    /// <summary>Times a thread found the lock taken here.</summary>
    public required long Count { get; init; }

    /// <summary>Total time threads waited for the lock here, in milliseconds (overlapping waits add up).</summary>
    public required double WaitMs { get; init; }

    /// <summary>The call stack that entered the lock, root first, the runtime's lock code last.</summary>
    public IReadOnlyList<StackFrame> Stack { get => field ?? []; init; }
}
