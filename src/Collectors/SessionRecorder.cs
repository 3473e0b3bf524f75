using System.Reflection;
using RustScope.Collectors.Host;
using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>Assembles the /proc sampler's result and what is known of the target into a ProfileSession.</summary>
internal static class SessionRecorder
{
    public static string ToolVersion { get; } =
        typeof(SessionRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Started as the target starts, so the work is done while it runs rather than after it: the host and the commit
    /// the run happens on (git is two process starts), and the session serializer's first-use work, after which the
    /// flush file's read and the session's write start warm.
    /// </summary>
    public static Task<(HostInfo Host, GitInfo? Git)> PrepareAsync(RunRequest request) =>
        Task.Run(() =>
        {
            SessionJson.Warm();
            return (HostProbe.Read(), GitProbe.Read(request.Launch?.WorkingDirectory ?? Environment.CurrentDirectory));
        });

    public static ProfileSession Build(SamplingResult sampling, TargetOutcome target, RunRequest request, (HostInfo Host, GitInfo? Git) surroundings)
    {
        var binary = target.Binary;
        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta
            {
                Project = request.Project ?? ProjectName.For(binary, target.Arguments),
                StartTs = sampling.StartUnixMs,
                EndTs = sampling.StartUnixMs + (long)(sampling.DurationS * 1000),
                TargetBinary = binary,
                Args = target.Arguments,
                Pid = target.Pid,
                ExitCode = target.ExitCode,
                Termination = target.Termination,
                ToolVersion = ToolVersion,
                SamplingHz = request.Hz,
                Host = surroundings.Host,
                Git = surroundings.Git,
            },
            Summary = new SessionSummary
            {
                DurationS = Math.Round(sampling.DurationS, 3),
                CpuPctMean = sampling.CpuPctMean,
                CpuPctMax = sampling.CpuPctMax,
                PeakRssMb = sampling.PeakRssMb,
                PeakThreads = sampling.PeakThreads,
                PeakFds = sampling.PeakFds,
                EventCount = sampling.Events.Count,
                Processes = sampling.Processes,
            },
            Samples = sampling.Samples,
            MemoryEvents = sampling.Events,
        };
    }
}
