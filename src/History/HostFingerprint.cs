using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RustScope.Core.Model;

namespace RustScope.History;

/// <summary>
/// What makes two machines comparable: the CPU model, the cores, the .NET runtime and the container's limits (not the
/// OS or kernel string, which updates change without changing speed), as a short stable hash.
/// </summary>
internal static class HostFingerprint
{
    /// <summary>The fingerprint of <paramref name="host"/>; "unknown" for sessions that recorded no host.</summary>
    public static string Of(HostInfo? host)
    {
        if (host is null)
        {
            return "unknown";
        }

        var text = string.Join('\n', host.Cpu ?? "", host.Cores.ToString(CultureInfo.InvariantCulture), host.Runtime ?? "",
            host.ContainerCpuLimit?.ToString("R", CultureInfo.InvariantCulture) ?? "", host.ContainerMemoryLimitMb?.ToString("R", CultureInfo.InvariantCulture) ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
    }

    /// <summary>The host in words, for messages: "AMD EPYC 7B13, 2 cores, .NET 10.0.12, container 2 CPUs / 4096 MB".</summary>
    public static string Describe(string? cpu, int cores, string? runtime, double? cpuLimit, double? memoryLimitMb)
    {
        var text = FormattableString.Invariant($"{cpu ?? "unknown CPU"}, {cores} cores, {runtime ?? "unknown runtime"}");
        return cpuLimit is null && memoryLimitMb is null
            ? text
            : text + FormattableString.Invariant($", container {cpuLimit?.ToString("0.##", CultureInfo.InvariantCulture) ?? "no"} CPU limit / {memoryLimitMb?.ToString("0", CultureInfo.InvariantCulture) ?? "no"} MB limit");
    }
}
