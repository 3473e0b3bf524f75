namespace RustScope.Collectors.Host;

/// <summary>
/// Container limits from cgroup v2 (<c>cpu.max</c>, <c>memory.max</c>) or v1 (CFS quota, memory limit), read for
/// the cgroup this process is in (<c>/proc/self/cgroup</c>) and its ancestors, whose limits bind it too: the
/// tightest wins. Inside a container with its own cgroup namespace the path is <c>/</c> and the mount's root is the
/// container's cgroup; without one, the path may not exist under the mount, and the walk ends at the root.
/// </summary>
internal static class CgroupLimits
{
    // cgroup v1 reports "no limit" as a huge page-aligned number rather than "max".
    private const double UnlimitedV1Bytes = 1L << 60;

    public static double? CpuCores(string root = "/sys/fs/cgroup", string membership = "/proc/self/cgroup") =>
        Tightest(Chain(root, OwnPath(membership, null)), directory => HostProbe.ReadFirstLine(Path.Combine(directory, "cpu.max")) is { } max
            && max.Split(' ') is [var quota, var period] && quota != "max"
            ? Cores(HostProbe.ParseDouble(quota), HostProbe.ParseDouble(period))
            : null)
        ?? Tightest(Chain(Path.Combine(root, "cpu"), OwnPath(membership, "cpu")), directory => Cores(
            HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(directory, "cpu.cfs_quota_us"))),
            HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(directory, "cpu.cfs_period_us")))));

    public static double? MemoryBytes(string root = "/sys/fs/cgroup", string membership = "/proc/self/cgroup") =>
        Tightest(Chain(root, OwnPath(membership, null)), directory => HostProbe.ReadFirstLine(Path.Combine(directory, "memory.max")) is { } max && max != "max"
            ? HostProbe.ParseDouble(max)
            : null)
        ?? Tightest(Chain(Path.Combine(root, "memory"), OwnPath(membership, "memory")), directory =>
            HostProbe.ParseDouble(HostProbe.ReadFirstLine(Path.Combine(directory, "memory.limit_in_bytes"))) is < UnlimitedV1Bytes and var bytes ? bytes : null);

    private static double? Cores(double? quota, double? period) => quota > 0 && period > 0 ? Math.Round(quota.Value / period.Value, 2) : null;

    private static double? Tightest(IEnumerable<string> directories, Func<string, double?> limit) => directories.Select(limit).Min();

    /// <summary>Our cgroup's directory under <paramref name="mount"/>, then each ancestor's that exists, up to the mount.</summary>
    private static IEnumerable<string> Chain(string mount, string ownPath)
    {
        var path = ownPath.Trim('/');
        while (true)
        {
            var directory = path.Length == 0 ? mount : Path.Combine(mount, path);
            if (Directory.Exists(directory))
            {
                yield return directory;
            }

            if (path.Length == 0)
            {
                yield break;
            }

            var cut = path.LastIndexOf('/');
            path = cut < 0 ? string.Empty : path[..cut];
        }
    }

    /// <summary>
    /// The cgroup path from <c>/proc/self/cgroup</c>: the <c>0::/path</c> line for v2 (<paramref name="v1Controller"/>
    /// null), else the v1 line listing the controller (<c>4:memory:/path</c>, <c>2:cpu,cpuacct:/path</c>).
    /// </summary>
    internal static string OwnPath(string membership, string? v1Controller)
    {
        try
        {
            foreach (var line in File.ReadLines(membership))
            {
                if (line.Split(':', 3) is [_, var controllers, var path]
                    && (v1Controller is null ? controllers.Length == 0 : controllers.Split(',').Contains(v1Controller, StringComparer.Ordinal)))
                {
                    return path;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not in a cgroup we can see: only the mount's own limits apply.
        }

        return "/";
    }
}
