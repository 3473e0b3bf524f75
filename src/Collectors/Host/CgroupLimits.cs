namespace RustScope.Collectors.Host;

/// <summary>Container limits from cgroup v2 (<c>cpu.max</c>, <c>memory.max</c>) or v1 (CFS quota, memory limit).</summary>
internal static class CgroupLimits
{
    // cgroup v1 reports "no limit" as a huge page-aligned number rather than "max".
    private const double UnlimitedV1Bytes = 1L << 60;

    public static double? CpuCores(string root = "/sys/fs/cgroup")
    {
        if (HostProbe.ReadFirstLine(Path.Combine(root, "cpu.max")) is { } v2)
        {
            var parts = v2.Split(' ');
            return parts.Length == 2 && parts[0] != "max" && HostProbe.ParseDouble(parts[0]) is { } quota && HostProbe.ParseDouble(parts[1]) is > 0 and var period
                ? Math.Round(quota / period, 2)
                : null;
        }

        return HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(root, "cpu", "cpu.cfs_quota_us"))) is > 0 and var quotaV1
            && HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(root, "cpu", "cpu.cfs_period_us"))) is > 0 and var periodV1
            ? Math.Round(quotaV1 / periodV1, 2)
            : null;
    }

    public static double? MemoryBytes(string root = "/sys/fs/cgroup")
    {
        if (HostProbe.ReadFirstLine(Path.Combine(root, "memory.max")) is { } v2)
        {
            return v2 == "max" ? null : HostProbe.ParseDouble(v2);
        }

        return HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(root, "memory", "memory.limit_in_bytes"))) is { } v1 && v1 < UnlimitedV1Bytes
            ? v1
            : null;
    }
}
