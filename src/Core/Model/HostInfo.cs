namespace RustScope.Core.Model;

/// <summary>A fingerprint of the machine a session was recorded on, so comparisons across machines can be flagged.</summary>
public sealed record HostInfo
{
    /// <summary>Operating system description.</summary>
    public required string Os { get; init; }

    /// <summary>Kernel release.</summary>
    public string? Kernel { get; init; }

    /// <summary>CPU model name.</summary>
    public string? Cpu { get; init; }

    /// <summary>Logical cores visible to the process.</summary>
    public required int Cores { get; init; }

    /// <summary>The .NET runtime RustScope ran on.</summary>
    public string? Runtime { get; init; }

    /// <summary>Container CPU limit in cores, when a cgroup sets one.</summary>
    public double? ContainerCpuLimit { get; init; }

    /// <summary>Container memory limit in MB, when a cgroup sets one.</summary>
    public double? ContainerMemoryLimitMb { get; init; }
}
