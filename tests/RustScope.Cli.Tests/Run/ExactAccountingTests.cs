using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>
/// The figures the gate compares, checked against the kernel's own accounting of real processes: spawn-to-reap wall
/// time, the CPU and peak memory of processes too short-lived to be sampled, and every process of a parallel build.
/// </summary>
public sealed class ExactAccountingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_50_MB_block_held_for_50_ms_is_reported_at_its_peak_in_every_run()
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--runs", "3", "--warmup-runs", "0", "--", NativeFixtures.Path("hold_memory"), "50", "50");

        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.True(exitCode == 0, stderr);
        Assert.Equal(3, session.Runs.Count);
        Assert.All(session.Runs, run => Assert.True(run.PeakRssMb >= 50, $"run {run.Index}: peak rss {run.PeakRssMb} MB"));
    }

    [Fact]
    public async Task Sleep_1_lasts_one_second_from_spawn_to_reap()
    {
        var whole = Stopwatch.StartNew();
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--", "sleep", "1");
        whole.Stop();

        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.True(exitCode == 0, stderr);
        // The sleep's own second, never less. A loaded machine can wake the sleep late, so only the whole run bounds it
        // from above (the native tool's start-up and the session's writing take a few milliseconds: too little to see).
        Assert.InRange(session.Summary.DurationS, 1.0, whole.Elapsed.TotalSeconds);
        Assert.Equal(session.Meta.StartTs + (long)(session.Summary.DurationS * 1000), session.Meta.EndTs);
    }

    [Fact]
    public async Task A_short_cpu_burner_is_charged_the_cpu_seconds_its_own_getrusage_reports()
    {
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--", NativeFixtures.Path("cpu_burner"), "0.3");

        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        var used = UsedReport.Parse(stdout);
        Assert.True(exitCode == 0, stderr);

        // The fixture reads its CPU clock just before it exits: only its exit path is missing from its own figure.
        Assert.True(Math.Abs(session.Summary.CpuS - used.CpuS) <= 0.02 * used.CpuS, $"rustscope: {session.Summary.CpuS} CPU s, the burner: {used.CpuS} s");
        // The mean is computed before the seconds are rounded to the millisecond.
        Assert.Equal(session.Summary.CpuS / session.Summary.DurationS * 100, session.Summary.CpuPctMean, 0.5);
    }

    [Fact]
    public async Task A_parallel_make_lists_every_compiler_process_or_warns_that_some_may_be_missing()
    {
        var project = Directory.CreateDirectory(_directory.File("project")).FullName;
        for (var i = 0; i < 20; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(project, $"unit{i}.c"), $"int unit{i}(int x) {{ return x * {i}; }}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(project, "Makefile"), "OBJECTS = $(patsubst %.c,%.o,$(wildcard *.c))\nall: $(OBJECTS)\n%.o: %.c\n\tgcc -O2 -c $< -o $@\n");

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(project, "run", "--sampling", "off", "--", "make", "-j2");

        var session = SessionJson.Read(Path.Combine(project, "rustscope-last.json"));
        Assert.True(exitCode == 0, stderr);
        Assert.Equal(20, Directory.GetFiles(project, "*.o").Length);
        var compilers = session.Summary.Processes.Count(p => p.Name == "cc1");
        var polled = session.Warnings.Any(w => w.Contains("polling /proc", StringComparison.Ordinal));
        // A compiler that lived a few ms while the machine was busy can be listed under the gcc driver's name: said so.
        var unnamed = session.Warnings.Any(w => w.Contains("before rustscope could read its command name", StringComparison.Ordinal));
        Assert.True(compilers == 20 || polled || unnamed, $"{compilers} of 20 compiler processes listed and no warning: {string.Join("; ", session.Warnings)}");
        if (!polled)
        {
            // make, and for each file the gcc driver, its compiler and its assembler.
            Assert.Equal(1 + (3 * 20), session.Summary.Processes.Count);
            Assert.All(session.Summary.Processes, p => Assert.InRange(p.FirstSeenS, 0, session.Summary.DurationS));
        }
    }

    [Fact]
    public async Task A_target_gone_before_the_first_sample_is_still_measured_and_the_session_says_so()
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--sampling", "off", "--", "true");

        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.True(exitCode == 0, stderr);
        Assert.InRange(session.Summary.DurationS, 0.0001, 0.5);
        if (session.Samples.Count == 0)
        {
            Assert.Contains(session.Warnings, w => w.Contains("before the first /proc sample", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_child_does_not_inherit_the_runtimes_ignored_sigpipe()
    {
        // `yes | head -1` in a shell: yes dies of SIGPIPE once head is gone. An inherited SIG_IGN would make it see EPIPE.
        var (exitCode, stdout, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--sampling", "off", "--", "grep", "^SigIgn", "/proc/self/status");

        Assert.True(exitCode == 0, stderr);
        var ignored = Convert.ToUInt64(stdout.Split('\t', StringSplitOptions.TrimEntries)[1].Split('\n')[0], 16);
        var sigpipe = 1UL << (13 - 1);
        Assert.Equal(0UL, ignored & sigpipe);
        Assert.Equal(Inherited() & ~sigpipe, ignored);
    }

    /// <summary>The signals this test host ignores (nohup's SIGHUP, a background job's SIGQUIT): a child of rustscope must keep them ignored.</summary>
    private static ulong Inherited()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
    }
}
