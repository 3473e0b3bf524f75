using System.Diagnostics;
using System.Reflection;
using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Profiling.Endpoint.Sessions;

/// <summary>Wraps what a route measured in a <see cref="ProfileSession"/> of this process, the document every RustScope command reads.</summary>
internal static class EndpointSession
{
    private static readonly string ToolVersion =
        typeof(EndpointSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>A session of <paramref name="window"/>: the sampled functions, stacks and allocation sites of <paramref name="profile"/>.</summary>
    public static ProfileSession Create(ProcessWindow window, SampledProfile profile, params string[] notes)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = window.CpuPct();
        var end = window.Start + window.Elapsed;
        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta
            {
                Project = Assembly.GetEntryAssembly()?.GetName().Name ?? self.ProcessName,
                StartTs = window.Start.ToUnixTimeMilliseconds(),
                EndTs = end.ToUnixTimeMilliseconds(),
                TargetBinary = Environment.ProcessPath ?? self.ProcessName,
                Args = [.. Environment.GetCommandLineArgs().Skip(1)],
                Pid = Environment.ProcessId,
                ToolVersion = ToolVersion,
            },
            Summary = new SessionSummary
            {
                DurationS = window.Elapsed.TotalSeconds,
                CpuPctMean = cpu,
                CpuPctMax = cpu,
                // The process is still running: these are its figures at the end of the window, not peaks it reached earlier.
                PeakRssMb = self.WorkingSet64 / 1e6,
                PeakThreads = self.Threads.Count,
                PeakFds = OperatingSystem.IsLinux() ? Directory.GetFiles("/proc/self/fd").Length : 0,
                EventCount = 0,
            },
            Functions = profile.Functions,
            Stacks = profile.Stacks,
            Allocations = profile.Allocations,
            Warnings = [.. notes, .. profile.Warnings],
        };
    }
}
