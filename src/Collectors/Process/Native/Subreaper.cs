using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>
/// prctl(PR_SET_CHILD_SUBREAPER): an orphan of the tree (a daemon that double-forked, a child of a parent that exited)
/// is re-parented to this process rather than to init, so it stays a child rustscope can find, stop and reap.
/// </summary>
internal static partial class Subreaper
{
    private const int PrSetChildSubreaper = 36;

    /// <summary>Makes this process the subreaper of its descendants; false when the kernel refused.</summary>
    public static bool Become() => prctl(PrSetChildSubreaper, 1, 0, 0, 0) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
