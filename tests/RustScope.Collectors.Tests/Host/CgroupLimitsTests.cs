using RustScope.Collectors.Host;

namespace RustScope.Collectors.Tests.Host;

public sealed class CgroupLimitsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rustscope-cgroup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Reads_cgroup_v2_limits()
    {
        File.WriteAllText(Path.Combine(_root, "cpu.max"), "150000 100000\n");
        File.WriteAllText(Path.Combine(_root, "memory.max"), "536870912\n");

        Assert.Equal(1.5, CgroupLimits.CpuCores(_root));
        Assert.Equal(536870912, CgroupLimits.MemoryBytes(_root));
    }

    [Fact]
    public void Unlimited_v2_is_no_limit()
    {
        File.WriteAllText(Path.Combine(_root, "cpu.max"), "max 100000\n");
        File.WriteAllText(Path.Combine(_root, "memory.max"), "max\n");

        Assert.Null(CgroupLimits.CpuCores(_root));
        Assert.Null(CgroupLimits.MemoryBytes(_root));
    }

    [Fact]
    public void Reads_cgroup_v1_limits_and_its_unlimited_sentinel()
    {
        Directory.CreateDirectory(Path.Combine(_root, "cpu"));
        Directory.CreateDirectory(Path.Combine(_root, "memory"));
        File.WriteAllText(Path.Combine(_root, "cpu", "cpu.cfs_quota_us"), "200000");
        File.WriteAllText(Path.Combine(_root, "cpu", "cpu.cfs_period_us"), "100000");
        File.WriteAllText(Path.Combine(_root, "memory", "memory.limit_in_bytes"), "9223372036854771712");

        Assert.Equal(2, CgroupLimits.CpuCores(_root));
        Assert.Null(CgroupLimits.MemoryBytes(_root));
    }

    [Fact]
    public void The_host_fingerprint_describes_this_machine()
    {
        var host = HostProbe.Read();

        Assert.Equal(Environment.ProcessorCount, host.Cores);
        Assert.Contains("Linux", host.Os, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(host.Kernel));
        Assert.StartsWith(".NET", host.Runtime, StringComparison.Ordinal);
    }
}
