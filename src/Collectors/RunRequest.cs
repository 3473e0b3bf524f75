using RustScope.Collectors.Native;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling.Perf;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>What to profile and how: either a command to start or a running process to attach to.</summary>
internal sealed record RunRequest
{
    /// <summary>The command to start; null when attaching.</summary>
    public LaunchSpec? Launch { get; init; }

    /// <summary>The process to attach to; null when starting a command.</summary>
    public int? AttachPid { get; init; }

    /// <summary>/proc sampling rate.</summary>
    public double Hz { get; init; } = 100;

    /// <summary>Stop after this long; null runs until the target exits or the user interrupts.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>How long a signalled tree gets to exit before SIGKILL.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(2);

    public SpikeOptions Spikes { get; init; } = new();

    /// <summary>Session project name; the target's file name when null.</summary>
    public string? Project { get; init; }

    /// <summary>Function-level sampling (EventPipe for .NET targets, perf for native ones).</summary>
    public bool Sampling { get; init; } = true;

    /// <summary>How perf samples a native target (<c>--sample-hz</c>, <c>--call-graph</c>).</summary>
    public PerfOptions Perf { get; init; } = new();

    /// <summary>Where the child's stdout/stderr go; null passes them through.</summary>
    public string? ChildOutputLog { get; init; }

    /// <summary>Native allocation tracking (<c>--track-alloc</c>); null when off.</summary>
    public NativeAllocationOptions? TrackAlloc { get; init; }

    /// <summary>What <c>--isolate</c> applies to the command (CPU pinning, runtime settings); null for none.</summary>
    public Isolation? Isolation { get; init; }
}
