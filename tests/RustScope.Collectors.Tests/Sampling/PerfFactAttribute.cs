using System.Diagnostics;
using RustScope.Collectors.Process;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>A fact that is skipped, with the reason, only when perf cannot record at all on this machine.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PerfFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> UnusableReason = new(Probe);

    public PerfFactAttribute()
    {
        Skip = UnusableReason.Value;
    }

    private static string? Probe()
    {
        if (CommandResolver.Resolve("perf", Environment.GetEnvironmentVariable("PATH")) is not { } perf)
        {
            return "perf is not installed (./build.sh test installs linux-perf)";
        }

        var probe = new ProcessStartInfo(perf) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "record", "-e", "cpu-clock", "-o", "/dev/null", "--", "true" })
        {
            probe.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(probe)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"perf cannot record here: {errors.Trim()}";
    }
}
