using System.Runtime.InteropServices;
using RustScope.Profiling.Recording.Native;

namespace RustScope.Profiling.Recording;

/// <summary>
/// A reader of the x64 time-stamp counter: .NET has no intrinsic for <c>rdtsc</c>, so the four instructions are put in
/// a page of their own, written first and then made executable (never both), and called through a function pointer
/// without a GC transition.
/// </summary>
internal static unsafe class TimeStampCounter
{
    private const nuint PageBytes = 4096;
    private const string ClocksourcePath = "/sys/devices/system/clocksource/clocksource0/current_clocksource";

    // rdtsc; shl rdx, 32; or rax, rdx; ret
    private static ReadOnlySpan<byte> ReadCode => [0x0F, 0x31, 0x48, 0xC1, 0xE2, 0x20, 0x48, 0x09, 0xD0, 0xC3];

    /// <summary>
    /// The reader, or null where the counter is not a clock to trust: only on x64 Linux whose kernel keeps time by it
    /// (clocksource <c>tsc</c>: it checked that the counter is constant-rate, runs in every power state and agrees
    /// across cores), and only where the kernel lets a page become executable.
    /// </summary>
    public static delegate* unmanaged[SuppressGCTransition]<long> TryCreateReader()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64 || !KernelKeepsTimeByIt())
        {
            return null;
        }

        var page = Libc.mmap(null, PageBytes, Libc.ProtRead | Libc.ProtWrite, Libc.MapPrivateAnonymous, -1, 0);
        if (page == null || page == (void*)-1)
        {
            return null;
        }

        ReadCode.CopyTo(new Span<byte>(page, ReadCode.Length));
        if (Libc.mprotect(page, PageBytes, Libc.ProtRead | Libc.ProtExec) != 0)
        {
            _ = Libc.munmap(page, PageBytes); // nothing more to do if even that fails: the page is unused
            return null;
        }

        return (delegate* unmanaged[SuppressGCTransition]<long>)page;
    }

    private static bool KernelKeepsTimeByIt()
    {
        try
        {
            return File.ReadAllText(ClocksourcePath).Trim() == "tsc";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
