using System.Reflection;
using RustScope.Collectors.Host;
using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Collectors;

/// <summary>Assembles the /proc sampler's result and what is known of the target into a ProfileSession.</summary>
internal static class SessionAssembler
{
    public static string ToolVersion { get; } =
        typeof(SessionAssembler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// Started as the target starts, so the work is done while it runs rather than after it: the host and the commit
    /// the run happens on (git is two process starts), and the session writer's first-use work.
    /// </summary>
    public static Task<(HostInfo Host, GitInfo? Git)> PrepareAsync(RunRequest request) =>
        Task.Run(() =>
        {
            SessionJson.Warm();
            return (HostProbe.Read(), GitProbe.Read(request.Launch?.WorkingDirectory ?? Environment.CurrentDirectory));
        });

    /// <param name="kernel">The kernel's exact figures of a spawned tree; null when attached.</param>
    /// <param name="machine">The machine's counters as the run started and as it ended.</param>
    public static ProfileSession Assemble(SamplingResult sampling, TargetOutcome target, RunRequest request, (HostInfo Host, GitInfo? Git) surroundings, KernelAccount? kernel, (MachineSnapshot Start, MachineSnapshot End) machine)
    {
        var binary = target.Binary;
        var summary = ExactAccounting.Summarize(sampling, kernel);
        return new ProfileSession
        {
            SchemaVersion = SessionJson.CurrentSchemaVersion,
            Meta = new SessionMeta
            {
                Project = request.Project ?? ProjectName.For(binary, target.Arguments),
                StartTs = sampling.StartUnixMs,
                EndTs = sampling.StartUnixMs + (long)(summary.DurationS * 1000),
                TargetBinary = binary,
                Args = target.Arguments,
                Pid = target.Pid,
                ExitCode = target.ExitCode,
                Termination = target.Termination,
                ToolVersion = ToolVersion,
                SamplingHz = request.Hz,
                Host = surroundings.Host,
                Git = surroundings.Git,
                MachineLoad = MachineProbe.Between(machine.Start, machine.End, summary.CpuS),
                Isolation = request.Isolation,
            },
            Summary = summary,
            Samples = sampling.Samples,
            MemoryEvents = sampling.Events,
            Warnings = [.. ExactAccounting.Warnings(sampling, kernel)],
        };
    }
}
