namespace RustScope.Collectors.Native;

/// <summary>
/// Compares site keys (the address space, then the caller addresses) by content, and lets a key read from the pipe be
/// looked up as a span, so the millions of events of a run allocate no array each.
/// </summary>
internal sealed class FramesComparer : IEqualityComparer<ulong[]>, IAlternateEqualityComparer<ReadOnlySpan<ulong>, ulong[]>
{
    public static FramesComparer Instance { get; } = new();

    public bool Equals(ulong[]? x, ulong[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(ulong[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<ulong> alternate, ulong[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<ulong> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(alternate));
        return hash.ToHashCode();
    }

    public ulong[] Create(ReadOnlySpan<ulong> alternate) => alternate.ToArray();
}
