namespace RustScope.Collectors.Native;

/// <summary>A block allocated and not yet freed: its size, its site and when it was made (monotonic nanoseconds).</summary>
internal readonly record struct LiveBlock(long Size, NativeSite Site, long MadeNs);
