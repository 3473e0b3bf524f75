using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>EventPipe sampling of a real .NET program started suspended through RustScope's diagnostic port.</summary>
public sealed class DotnetSamplingTests
{
    [Fact]
    public async Task HotLoop_is_the_hottest_function_with_most_of_the_running_samples()
    {
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "hot", "3");

        var top = session.Functions[0];
        Assert.True(top.Name.Contains("HotLoop", StringComparison.Ordinal), $"top function {top.Name}; warnings: {string.Join(" | ", session.Warnings)}");
        Assert.Equal("SamplingTarget", top.Module);
        Assert.True(top.SelfPct >= 50, $"HotLoop self {top.SelfPct} %");
        Assert.Equal(FunctionSource.Sampled, top.Source);
        Assert.True(top.TotalPct >= top.SelfPct);
        Assert.Equal(session.Functions.OrderByDescending(f => f.SelfPct).Select(f => f.Name), session.Functions.Select(f => f.Name));

        // Flamegraph data: the heaviest stack ends in HotLoop and starts at the program's entry point.
        var stacks = session.Stacks!;
        var heaviest = stacks.Samples[0].Stack;
        Assert.Contains("HotLoop", stacks.Frames[heaviest[^1]].Name, StringComparison.Ordinal);
        Assert.Contains("Main", stacks.Frames[heaviest[0]].Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attaching_to_a_running_dotnet_process_finds_HotLoop_too()
    {
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.AttachAsync(collector, SamplingHarness.SamplingTargetDll, "hot", "3");

        var top = session.Functions[0];
        Assert.True(top.Name.Contains("HotLoop", StringComparison.Ordinal), $"top function {top.Name}; warnings: {string.Join(" | ", session.Warnings)}");
        // Its modules loaded before the session: their names, as the loader spelled them, come from the rundown.
        Assert.Equal("SamplingTarget", top.Module);
        Assert.True(top.SelfPct >= 50, $"HotLoop self {top.SelfPct} %");
    }

    [Fact]
    public async Task AllocHeavy_byte_arrays_are_the_top_allocation_site_and_counters_join_the_samples()
    {
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "alloc", "3");

        var top = session.Allocations[0];
        Assert.Equal("System.Byte[]", top.Type);
        Assert.Contains("AllocHeavy", top.Stack[^1].Name, StringComparison.Ordinal);
        Assert.True(top.Bytes > 10_000_000, $"estimated {top.Bytes} bytes");
        Assert.True(top.Count > 10);
        Assert.Contains(session.Samples, s => s.GcHeapMb > 0 && s.Gen0Gcs >= 1 && s.AllocMbPerS > 10 && s.ThreadpoolThreads is not null);
    }

    [Fact]
    public async Task Waiting_threads_go_to_the_wait_view_and_the_spinning_function_leads_the_CPU_view()
    {
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "waits", "3");

        // CPU view: Spin first, and no waiting frame of the eight waiting threads (or the idle runtime threads) above a small share.
        var top = session.Functions[0];
        Assert.True(top.Name.Contains("Waits.Spin", StringComparison.Ordinal), $"top function {top.Name}; warnings: {string.Join(" | ", session.Warnings)}");
        Assert.True(top.SelfPct >= 80, $"Spin self {top.SelfPct} %");
        var waitingOnCpu = session.Functions.Where(f => f.Name.StartsWith("System.Threading.", StringComparison.Ordinal) && f.SelfPct > 2).Select(f => $"{f.Name} {f.SelfPct:F1} %");
        Assert.Empty(waitingOnCpu);
        var cpu = session.Stacks!;
        Assert.Contains("Waits.Spin", cpu.Frames[cpu.Samples[0].Stack[^1]].Name, StringComparison.Ordinal);

        // Wait view: each waiting thread's own function, with (almost) no CPU share.
        Assert.NotNull(session.WaitStacks);
        foreach (var waiter in new[] { "EnterMonitor", "SleepLoop", "WaitAnyLoop", "TaskWaitLoop", "SemaphoreLoop", "ReceiveLoop", "ReadPipe" })
        {
            var function = Assert.Single(session.Functions, f => f.Name.StartsWith($"SamplingTarget.Waits.{waiter}(", StringComparison.Ordinal));
            Assert.True(function.WaitPct > 1, $"{waiter} waits {function.WaitPct} %");
            Assert.True(function.SelfPct < 1, $"{waiter} runs {function.SelfPct} %");
        }

        // The contended lock is named by the code that asked for it, with the runtime's measured waits.
        var contention = session.Contentions[0];
        Assert.Contains("Waits.EnterMonitor", contention.Function, StringComparison.Ordinal);
        Assert.True(contention.Count > 3 && contention.WaitMs > 100, $"{contention.Count} contentions, {contention.WaitMs} ms");
        Assert.Contains("Monitor.Enter", contention.Stack[^1].Name, StringComparison.Ordinal);

        // The counters dotnet-counters shows: GC pauses, JIT, contentions and exceptions of a target that does all of them.
        Assert.Contains(session.Samples, s => s.GcPauseMs is not null && s.TimeInGcPct is not null && s.JitMethods is not null && s.JitTimeMs is not null);
        Assert.Contains(session.Samples, s => s.LockContentions > 0);
        Assert.Contains(session.Samples, s => s.Exceptions > 0);
    }

    [Fact]
    public async Task A_target_that_crashes_mid_trace_still_yields_a_session_with_what_was_sampled()
    {
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "crash", "2");

        Assert.NotEqual(0, session.Meta.ExitCode);
        var path = Path.Combine(Path.GetTempPath(), $"rustscope-crash-{Guid.NewGuid():N}.json");
        try
        {
            SessionJson.Write(session, path);
            var read = SessionJson.Read(path);
            // Two seconds of HotLoop were read as they streamed in before the crash; only the last blocks are lost with it.
            Assert.True(read.Functions.Any(f => f.Name.Contains("HotLoop", StringComparison.Ordinal)), $"functions: {read.Functions.Count}; warnings: {string.Join(" | ", read.Warnings)}");
            Assert.DoesNotContain(read.Warnings, w => w.Contains("did not end", StringComparison.Ordinal));
            // No rundown came: the frames the trace could not name still carry the module the process had mapped there.
            Assert.DoesNotContain(read.Stacks!.Frames, f => f.Module is null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_runtime_that_connects_after_the_timeout_is_resumed_and_runs_to_the_end()
    {
        // A zero timeout gives up before the runtime connects, unless it connected first: a race the runtime wins now
        // and then (once in a suite run), and is then sampled as usual. A few attempts make the late case happen; in
        // every attempt the target must run to its end, and in the late one it must not stay suspended.
        const int Attempts = 5;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var collector = new SamplingCollector(connectTimeout: TimeSpan.Zero);

            var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "hot", "0.2");

            Assert.Equal(0, session.Meta.ExitCode);
            if (session.Warnings is [var warning] && warning.StartsWith("sampling: the .NET runtime of the target did not connect", StringComparison.Ordinal))
            {
                Assert.Empty(session.Functions);
                return;
            }
        }

        Assert.Fail($"the runtime connected within a zero timeout in {Attempts} of {Attempts} attempts");
    }

    [Fact]
    public async Task An_interrupt_during_start_up_leaves_no_runtime_suspended_and_still_completes()
    {
        await using var collector = new SamplingCollector();
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();

        var session = await SamplingHarness.LaunchAsync(collector, "dotnet", [SamplingHarness.SamplingTargetDll, "hot", "0.2"], interrupted.Token);

        Assert.Equal(0, session.Meta.ExitCode);
        Assert.Empty(session.Functions);
        var warning = Assert.Single(session.Warnings);
        Assert.StartsWith("sampling: interrupted", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sampling_off_the_target_runs_untouched()
    {
        await using var collector = new SamplingCollector(enabled: false);

        var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "hot", "0.2");

        Assert.Equal(0, session.Meta.ExitCode);
        Assert.Empty(session.Functions);
        Assert.Null(session.Stacks);
        Assert.Empty(session.Warnings);
    }
}
