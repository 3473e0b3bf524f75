using System.Runtime.InteropServices;

namespace RustScope.Profiling.Recording.Native;

/// <summary>The memory-mapping calls that put the time-stamp counter reader into executable memory.</summary>
internal static unsafe partial class Libc
{
    public const int ProtRead = 1;
    public const int ProtWrite = 2;
    public const int ProtExec = 4;
    public const int MapPrivateAnonymous = 0x02 | 0x20;

    [LibraryImport("libc")]
    public static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc")]
    public static partial int mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc")]
    public static partial int munmap(void* address, nuint length);
}
