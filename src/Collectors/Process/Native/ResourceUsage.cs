using System.Runtime.InteropServices;

namespace RustScope.Collectors.Process.Native;

/// <summary>struct rusage as the kernel fills it (64-bit layout: two timevals, then fourteen longs).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ResourceUsage
{
    public long UserSeconds;
    public long UserMicroseconds;
    public long SystemSeconds;
    public long SystemMicroseconds;

    /// <summary>Peak resident set in KiB: of the process itself, or of its largest reaped descendant.</summary>
    public long MaxRssKib;
    private unsafe fixed long _rest[13];

    public readonly double UserS => UserSeconds + UserMicroseconds / 1e6;

    public readonly double SystemS => SystemSeconds + SystemMicroseconds / 1e6;
}
