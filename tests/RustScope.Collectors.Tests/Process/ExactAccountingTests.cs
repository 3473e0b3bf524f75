using RustScope.Collectors.Process;
using RustScope.Collectors.Process.Events;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Process;

/// <summary>The kernel's exact figures as floors under the sampled ones, and the warnings when data may be missing.</summary>
public sealed class ExactAccountingTests
{
    private const long SpawnedAt = 1_000_000_000;

    private static SamplingResult Sampled(double durationS = 0.9, double cpuS = 0.2, double peakRssMb = 0, bool rootSeen = true, params ProcessSummary[] processes) =>
        new(0, durationS, cpuS, 40, peakRssMb, 1, 3, [], [], processes) { RootSeen = rootSeen };

    private static KernelAccount Kernel(double spawnToReapS = 1.01, double cpuS = 0.29, long maxRssBytes = 57_000_000, ConnectorView? events = null, string? unavailable = "refused") =>
        new(new ChildExit(0, null, spawnToReapS, cpuS, maxRssBytes), SpawnedAt, events, events is null ? unavailable : null);

    [Fact]
    public void Wall_time_cpu_seconds_and_peak_memory_come_from_the_kernel_when_it_saw_more()
    {
        var summary = ExactAccounting.Summarize(Sampled(), Kernel());

        Assert.Equal(1.01, summary.DurationS);
        Assert.Equal(0.29, summary.CpuS);
        Assert.Equal(28.7, summary.CpuPctMean);
        Assert.Equal(57, summary.PeakRssMb);
        Assert.Equal(40, summary.CpuPctMax);
    }

    [Fact]
    public void Sampled_figures_stay_where_they_exceed_the_kernels_an_orphan_it_never_reaped_say()
    {
        var summary = ExactAccounting.Summarize(Sampled(cpuS: 0.5, peakRssMb: 120), Kernel());

        Assert.Equal(0.5, summary.CpuS);
        Assert.Equal(120, summary.PeakRssMb);
    }

    [Fact]
    public void The_connectors_fork_to_exit_time_is_the_wall_time_and_its_processes_are_all_listed()
    {
        var events = new ConnectorView((SpawnedAt + 200_000, SpawnedAt + 1_000_200_000), [
            new ProcessLifetime(10, 1, "make", SpawnedAt + 200_000, SpawnedAt + 1_000_200_000),
            new ProcessLifetime(11, 10, "cc1", SpawnedAt + 300_000_000, SpawnedAt + 305_000_000)], Overflowed: false);
        var make = new ProcessSummary { Pid = 10, Name = "make", FirstSeenS = 0.01, LastSeenS = 0.99 };

        var summary = ExactAccounting.Summarize(Sampled(processes: make), Kernel(events: events));

        Assert.Equal(1.0, summary.DurationS);
        Assert.Collection(summary.Processes,
            p => Assert.Equal((10, 0.0, 1.0), (p.Pid, p.FirstSeenS, p.LastSeenS)),
            p => Assert.Equal((11, 10, "cc1", 0.3, 0.305), (p.Pid, p.Ppid!.Value, p.Name, p.FirstSeenS, p.LastSeenS)));
    }

    [Fact]
    public void Cpu_the_samples_missed_while_polling_is_a_warning_that_names_the_reason()
    {
        var warning = Assert.Single(ExactAccounting.Warnings(Sampled(cpuS: 0.2), Kernel(cpuS: 0.29, unavailable: "the kernel refused it: Operation not permitted")));

        Assert.Equal("processes were found by polling /proc (the kernel refused it: Operation not permitted), and the kernel accounted 0.09 s more CPU than the samples saw: processes too short-lived to be sampled may be missing from summary.processes (their CPU and memory are counted)", warning);
    }

    [Fact]
    public void A_process_gone_before_its_new_name_was_read_is_a_warning_unless_the_sampler_named_it()
    {
        var events = new ConnectorView((SpawnedAt, SpawnedAt + 1_000_000_000), [
            new ProcessLifetime(10, 1, "make", SpawnedAt, SpawnedAt + 1_000_000_000),
            new ProcessLifetime(11, 10, "gcc", SpawnedAt + 300_000_000, SpawnedAt + 302_000_000, NameUnread: true),
            new ProcessLifetime(12, 10, "gcc", SpawnedAt + 400_000_000, SpawnedAt + 500_000_000, NameUnread: true)], Overflowed: false);
        var sampledCompiler = new ProcessSummary { Pid = 12, Name = "cc1", FirstSeenS = 0.41, LastSeenS = 0.49 };

        var warning = Assert.Single(ExactAccounting.Warnings(Sampled(processes: sampledCompiler), Kernel(events: events)));

        Assert.StartsWith("1 process(es) of the tree ran a program and ended before rustscope could read its command name", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_gone_before_the_first_sample_is_a_warning()
    {
        var warning = Assert.Single(ExactAccounting.Warnings(Sampled(cpuS: 0, rootSeen: false), Kernel(spawnToReapS: 0.004, cpuS: 0.001)));

        Assert.StartsWith("the target ended 4 ms after it started, before the first /proc sample", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_too_small_for_the_kernels_peak_to_tell_says_its_peak_is_unknown()
    {
        var warning = Assert.Single(ExactAccounting.Warnings(Sampled(cpuS: 0, rootSeen: false), Kernel(spawnToReapS: 0.004, cpuS: 0.001, maxRssBytes: 0)));

        Assert.EndsWith("samples[] is empty, and its peak memory is unknown (the kernel's figure for a child includes rustscope's own peak, and this one was no higher)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropped_events_are_a_warning_and_a_complete_view_is_silent()
    {
        ConnectorView View(bool overflowed) => new((SpawnedAt, SpawnedAt + 1_000_000_000), [], overflowed);

        Assert.Single(ExactAccounting.Warnings(Sampled(), Kernel(events: View(overflowed: true))));
        Assert.Empty(ExactAccounting.Warnings(Sampled(), Kernel(events: View(overflowed: false))));
    }

    [Fact]
    public void An_attached_process_keeps_the_sampled_figures()
    {
        var summary = ExactAccounting.Summarize(Sampled(cpuS: 0.2, peakRssMb: 3), kernel: null);

        Assert.Equal((0.9, 0.2, 3.0), (summary.DurationS, summary.CpuS, summary.PeakRssMb));
        Assert.Empty(ExactAccounting.Warnings(Sampled(), kernel: null));
    }
}
