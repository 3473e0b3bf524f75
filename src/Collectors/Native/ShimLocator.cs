using System.Runtime.InteropServices;

namespace RustScope.Collectors.Native;

/// <summary>Where the tool keeps librustscope_alloc.so (shim/ beside the assembly; built for linux-x64 only).</summary>
internal static class ShimLocator
{
    public const string FileName = "librustscope_alloc.so";

    /// <summary>The shim's path, or null when this install has none.</summary>
    public static string? Find()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "shim", FileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Why <c>--track-alloc</c> cannot run here, or null when it can.</summary>
    public static string? Problem() => Find() is not null ? null
        : RuntimeInformation.ProcessArchitecture != Architecture.X64
            ? $"--track-alloc: the allocation shim is built for linux-x64 only; this platform ({RuntimeInformation.RuntimeIdentifier}) has no shim"
            : $"--track-alloc: {FileName} is missing from {Path.Combine(AppContext.BaseDirectory, "shim")} (build it with ./build.sh, which needs gcc and make)";
}
