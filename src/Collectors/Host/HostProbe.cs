using System.Globalization;
using System.Runtime.InteropServices;
using RustScope.Core.Model;

namespace RustScope.Collectors.Host;

/// <summary>Fingerprints the machine, so a comparison between sessions from different hosts can be flagged.</summary>
internal static class HostProbe
{
    public static HostInfo Read() => new()
    {
        Os = RuntimeInformation.OSDescription,
        Kernel = ReadFirstLine("/proc/sys/kernel/osrelease"),
        Cpu = CpuModel(),
        Cores = Environment.ProcessorCount,
        Runtime = RuntimeInformation.FrameworkDescription,
        ContainerCpuLimit = CgroupLimits.CpuCores(),
        ContainerMemoryLimitMb = CgroupLimits.MemoryBytes() is { } bytes ? Math.Round(bytes / 1e6, 1) : null,
    };

    private static string? CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    internal static string? ReadFirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static double? ParseDouble(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
