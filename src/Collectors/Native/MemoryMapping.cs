namespace RustScope.Collectors.Native;

/// <summary>One line of /proc/PID/maps: addresses [Start, End) show <see cref="Path"/> from file offset <see cref="Offset"/>.</summary>
internal readonly record struct MemoryMapping(ulong Start, ulong End, ulong Offset, string Path);
