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

    public static ProfileSession Build(SamplingResult sampling, TargetOutcome target, RunRequest request)
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
                Host = HostProbe.Read(),
                Git = GitProbe.Read(request.Launch?.WorkingDirectory ?? Environment.CurrentDirectory),
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
