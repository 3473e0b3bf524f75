using System.Runtime.InteropServices;

namespace RustScope.Collectors.Native;

/// <summary>
/// Where the tool keeps librustscope_alloc.so: shim/RID/ beside the assembly, for linux-x64 and, when a cross compiler
/// was installed at build time, linux-arm64.
/// </summary>
internal static class ShimLocator
{
    public const string FileName = "librustscope_alloc.so";

    /// <summary>The platform the shim must be built for: the one this process (and so the command it starts) runs on.</summary>
    public static string? Platform => OperatingSystem.IsLinux()
        ? RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => "linux-x64", Architecture.Arm64 => "linux-arm64", _ => null }
        : null;

    /// <summary>The shim's path, or null when this install has none for this platform.</summary>
    public static string? Find() =>
        Platform is { } platform && Path.Combine(AppContext.BaseDirectory, "shim", platform, FileName) is var path && File.Exists(path) ? path : null;

    /// <summary>Why <c>--track-alloc</c> cannot run here, or null when it can.</summary>
    public static string? Problem() => Find() is not null ? null
        : Platform is not { } platform
            ? $"--track-alloc: the allocation shim is built for linux-x64 and linux-arm64 only; this platform ({RuntimeInformation.RuntimeIdentifier}) has no shim"
            : $"--track-alloc: this platform ({platform}) has no shim: {FileName} is missing from {Path.Combine(AppContext.BaseDirectory, "shim", platform)} (build it with ./build.sh, which needs gcc and make, and for the other platform its cross compiler)";
}
