namespace RustScope.Core.Model;

/// <summary>One call stack that allocated through the C allocator, with what it allocated and what it leaked.</summary>
public sealed record NativeAllocationSite
{
    /// <summary>The function that called the allocator (the innermost frame), symbolised in RustScope, not in the target.</summary>
    public required string Function { get; init; }

    /// <summary>The file the function lives in (the program or a shared library), when known.</summary>
    public string? Module { get; init; }

    /// <summary>Source file and line of the allocating call, <c>leak.c:14</c>, when the module has debug information.</summary>
    public string? Location { get; init; }

    /// <summary>Bytes allocated here.</summary>
    public required long Bytes { get; init; }

    /// <summary>Allocations made here.</summary>
    public required long Count { get; init; }

    /// <summary>Bytes allocated here and never freed before their process exited.</summary>
    public long LeakedBytes { get; init; }

    /// <summary>Blocks allocated here and never freed before their process exited.</summary>
    public long LeakedBlocks { get; init; }

    /// <summary>Bytes allocated here that were live when the tree's live bytes peaked.</summary>
    public long PeakLiveBytes { get; init; }

    /// <summary>The allocating call stack, root first, the allocating function last.</summary>
    public IReadOnlyList<StackFrame> Stack { get => field ?? []; init; }
}
