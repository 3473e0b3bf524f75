namespace RustScope.Collectors.Native;

/// <summary>How <c>run --track-alloc</c> tracks the C allocator.</summary>
/// <param name="RootOnly">Only the root process (<c>--track-alloc=root</c>); by default its children too.</param>
/// <param name="Depth">Caller frames kept per allocation (<c>--alloc-depth</c>, 1 to 32).</param>
/// <param name="PipeBytes">
/// The pipe size asked of the kernel: more room means fewer dropped events when RustScope falls behind. By default the
/// most an unprivileged process may ask for (<c>/proc/sys/fs/pipe-max-size</c>, 1 MB unless raised).
/// </param>
internal sealed record NativeAllocationOptions(bool RootOnly = false, int Depth = 8, int? PipeBytes = null)
{
    public const int MaxDepth = 32;
}
