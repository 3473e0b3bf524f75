namespace RustScope.Core.Model;

/// <summary>What was profiled, where and when.</summary>
public sealed record SessionMeta
{
    /// <summary>A short project name (the target's file name unless given).</summary>
    public required string Project { get; init; }

    /// <summary>Start time, Unix epoch milliseconds.</summary>
    public required long StartTs { get; init; }

    /// <summary>End time, Unix epoch milliseconds.</summary>
    public long? EndTs { get; init; }

    /// <summary>The program that was started or attached to.</summary>
    public required string TargetBinary { get; init; }

    /// <summary>The program's arguments, exactly as passed.</summary>
    public IReadOnlyList<string> Args { get => field ?? []; init; }

    /// <summary>Process id of the root of the profiled tree.</summary>
    public int? Pid { get; init; }

    /// <summary>The child's exit code; 128 + signal number when it died of a signal.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How the session ended.</summary>
    public Termination? Termination { get; init; }

    /// <summary>The RustScope version that wrote the session.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>The /proc sampling rate in Hz.</summary>
    public double? SamplingHz { get; init; }

    /// <summary>The machine the session was recorded on.</summary>
    public HostInfo? Host { get; init; }

    /// <summary>The git commit the session was recorded at, when run inside a repository.</summary>
    public GitInfo? Git { get; init; }

    /// <summary>Set when the session is one side of an interleaved A/B series, whose runs pair with the other side's.</summary>
    public Interleaving? Interleaving { get; init; }

    /// <summary>Set when <c>--runs auto</c> chose the number of runs by looking at a comparison as they came in.</summary>
    public AdaptiveRuns? Adaptive { get; init; }

    /// <summary>How busy the machine was while the session ran; for a series of runs, the runs' figures weighted by their wall time.</summary>
    public MachineLoad? MachineLoad { get; init; }

    /// <summary>Set when the command ran with <c>--isolate</c>: what was applied to lower its noise.</summary>
    public Isolation? Isolation { get; init; }

    /// <summary>
    /// What kept a started tree together so nothing of it escaped the session: <c>cgroup</c> (a cgroup v2 of its own,
    /// with rustscope as subreaper), <c>subreaper</c> (rustscope as subreaper only) or <c>none</c>; absent when attached.
    /// </summary>
    public string? Containment { get; init; }
}
