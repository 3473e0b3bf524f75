using RustScope.Collectors.Host;

namespace RustScope.Collectors.Tests.Host;

public sealed class CgroupLimitsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rustscope-cgroup-").FullName;
    private readonly string _membership = Path.Combine(Path.GetTempPath(), $"rustscope-cgroup-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        File.Delete(_membership);
    }

    [Fact]
    public void Reads_cgroup_v2_limits()
    {
        Member("0::/\n");
        Write("cpu.max", "150000 100000\n");
        Write("memory.max", "536870912\n");

        Assert.Equal(1.5, CgroupLimits.CpuCores(_root, _membership));
        Assert.Equal(536870912, CgroupLimits.MemoryBytes(_root, _membership));
    }

    [Fact]
    public void Unlimited_v2_is_no_limit()
    {
        Member("0::/\n");
        Write("cpu.max", "max 100000\n");
        Write("memory.max", "max\n");

        Assert.Null(CgroupLimits.CpuCores(_root, _membership));
        Assert.Null(CgroupLimits.MemoryBytes(_root, _membership));
    }

    [Fact]
    public void Reads_cgroup_v1_limits_and_its_unlimited_sentinel()
    {
        Member("2:cpu,cpuacct:/\n4:memory:/\n");
        Write("cpu/cpu.cfs_quota_us", "200000");
        Write("cpu/cpu.cfs_period_us", "100000");
        Write("memory/memory.limit_in_bytes", "9223372036854771712");

        Assert.Equal(2, CgroupLimits.CpuCores(_root, _membership));
        Assert.Null(CgroupLimits.MemoryBytes(_root, _membership));
    }

    [Fact]
    public void The_tightest_limit_of_our_v2_cgroup_and_its_ancestors_applies()
    {
        // A CI job's cgroup under a slice: the slice allows more CPU, the job less memory.
        Member("0::/ci.slice/job-7.scope\n");
        Write("ci.slice/cpu.max", "150000 100000");
        Write("ci.slice/memory.max", "max");
        Write("ci.slice/job-7.scope/cpu.max", "max 100000");
        Write("ci.slice/job-7.scope/memory.max", "1000000000");

        Assert.Equal(1.5, CgroupLimits.CpuCores(_root, _membership));
        Assert.Equal(1e9, CgroupLimits.MemoryBytes(_root, _membership));
    }

    [Fact]
    public void A_v1_cgroup_outside_a_namespace_is_found_under_each_controller()
    {
        Member("4:memory:/process_api/d89b\n2:cpu,cpuacct:/process_api/d89b\n0::/\n");
        Write("memory/memory.limit_in_bytes", "9223372036854771712");
        Write("memory/process_api/d89b/memory.limit_in_bytes", "268435456");
        Write("cpu/process_api/cpu.cfs_quota_us", "50000");
        Write("cpu/process_api/cpu.cfs_period_us", "100000");

        Assert.Equal(268435456, CgroupLimits.MemoryBytes(_root, _membership));
        Assert.Equal(0.5, CgroupLimits.CpuCores(_root, _membership));
    }

    [Fact]
    public void In_a_container_whose_cgroup_path_is_not_under_the_mount_the_mount_root_applies()
    {
        Member("0::/docker/4f2a\n");
        Write("memory.max", "2000000000");

        Assert.Equal(2e9, CgroupLimits.MemoryBytes(_root, _membership));
    }

    [Fact]
    public void Without_a_readable_membership_only_the_mount_root_is_read()
    {
        Write("cpu.max", "100000 100000");

        Assert.Equal(1, CgroupLimits.CpuCores(_root, Path.Combine(_root, "no-such-file")));
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

    private void Member(string content) => File.WriteAllText(_membership, content);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
