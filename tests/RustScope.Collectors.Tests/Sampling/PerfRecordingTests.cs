using RustScope.Collectors.Sampling.Perf;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>What rustscope says when <c>perf record</c> fails: perf's own words, and the sysctl only when it is to blame.</summary>
public sealed class PerfRecordingTests
{
    [Fact]
    public void A_vanished_pid_is_reported_in_perfs_words_without_blaming_the_sysctl()
    {
        var warning = PerfRecording.RecordFailure(244, "Couldn't create thread/CPU maps: No such process\n");

        Assert.Equal("perf record failed (exit 244): Couldn't create thread/CPU maps: No such process", warning);
    }

    [Fact]
    public void A_permission_problem_names_the_sysctl()
    {
        var warning = PerfRecording.RecordFailure(255, "Error:\nAccess to performance monitoring and observability operations is limited.\n");

        Assert.EndsWith("; see /proc/sys/kernel/perf_event_paranoid", warning, StringComparison.Ordinal);
        Assert.Contains("Error: Access to performance monitoring", warning, StringComparison.Ordinal);
    }
}
