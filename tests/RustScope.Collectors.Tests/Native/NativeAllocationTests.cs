using RustScope.Collectors.Native;
using RustScope.Collectors.Tests.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Native;

/// <summary>The allocation shim preloaded into real C programs and a .NET one, read by the collector as <c>run --track-alloc</c> does.</summary>
public sealed class NativeAllocationTests
{
    // Fixtures make fewer events than a 1 MB pipe holds, so nothing is dropped however late the reader runs (load 20).
    private static readonly NativeAllocationOptions Options = new();

    [Fact]
    public async Task A_leak_of_100_blocks_of_1234_bytes_is_reported_at_its_function_with_exact_totals()
    {
        var session = await RunAsync(Options, ShimFixtures.Program("leak"));

        var native = Native(session);
        Assert.Equal(0, native.Dropped);
        Assert.Equal(123_400, native.LeakedBytes);
        Assert.Equal(100, native.LeakedBlocks);
        // Every interposed function (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign, valloc,
        // reallocarray) 1,000 times, and the 100 blocks leaked.
        Assert.Equal(8_100, native.Allocations);
        Assert.Equal(8_000, native.Frees);
        Assert.Equal(5_387_900, native.AllocatedBytes);
        var leak = Assert.Single(native.Sites, s => s.LeakedBytes > 0);
        Assert.Equal("leak_here", leak.Function);
        Assert.Equal("leak.c:8", leak.Location);
        Assert.Equal(["main", "leak_here"], leak.Stack.Select(f => f.Name).TakeLast(2));
        var evt = Assert.Single(session.MemoryEvents, e => e.Type == "leak");
        Assert.StartsWith("123400 bytes in 100 blocks never freed, allocated at leak_here (leak.c:8)", evt.Location, StringComparison.Ordinal);
        Assert.Equal(8_000, native.Lifetimes!.Buckets.Sum(b => b.Blocks));
        Assert.Equal(100, native.Lifetimes.NeverFreedBlocks);
        Assert.Equal(4_000_000, native.Sites.Single(s => s.Location == "leak.c:17").Bytes); // realloc(a, 4000)
    }

    [Fact]
    public async Task Eight_threads_of_realloc_chains_add_up_exactly()
    {
        var session = await RunAsync(Options, ShimFixtures.Program("stress"));

        var native = Native(session);
        Assert.Equal(0, native.Dropped);
        var chain = native.Sites.Where(s => s.Function == "chain").ToList();
        // 8 threads x 100 chains: malloc(16), then realloc to 32, 64 ... 4096 (8 steps), then free.
        Assert.Equal(8 * 100 * 9, chain.Sum(s => s.Count));
        Assert.Equal(8L * 100 * (16 + (16 * 510)), chain.Sum(s => s.Bytes));
        Assert.Equal(0, chain.Sum(s => s.LeakedBytes));
        Assert.True(native.Frees >= 8 * 100 * 9, $"frees {native.Frees}");
    }

    [Fact]
    public async Task Fork_and_exec_give_each_image_its_own_stream_and_the_exec_replaces_the_child_image()
    {
        var session = await RunAsync(Options, ShimFixtures.Program("forkexec"), ShimFixtures.Program("leak"));

        var native = Native(session);
        Assert.Equal(3, native.Processes); // the parent, the fork child, the program it exec'd
        Assert.Equal(111, Leaked(native, "parent_leak"));
        Assert.Equal(123_400, Leaked(native, "leak_here"));
        // Allocated before the exec, gone with the image the exec replaced: not a leak.
        Assert.Equal(222, native.Sites.Single(s => s.Function == "child_leak").Bytes);
        Assert.Equal(0, Leaked(native, "child_leak"));
    }

    [Fact]
    public async Task With_root_only_the_children_are_not_tracked()
    {
        var session = await RunAsync(Options with { RootOnly = true }, ShimFixtures.Program("forkexec"), ShimFixtures.Program("leak"));

        var native = Native(session);
        Assert.Equal(1, native.Processes);
        Assert.Equal(111, Leaked(native, "parent_leak"));
        Assert.DoesNotContain(native.Sites, s => s.Function is "leak_here" or "child_leak");
    }

    [Fact]
    public async Task A_program_that_closes_every_fd_and_dup2s_over_the_rest_is_still_tracked_and_gets_fd_0_back()
    {
        // The fixture exits 3 when its first open after closing everything does not get descriptor 0.
        var session = await RunAsync(Options, ShimFixtures.Program("closefds"));

        var native = Native(session);
        Assert.Equal(7 * 300, Leaked(native, "after_close"));
        Assert.Equal(5 * 500, Leaked(native, "after_dup2"));
    }

    [Fact]
    public async Task Signal_handlers_that_allocate_inside_a_malloc_loop_neither_deadlock_nor_crash_and_add_up()
    {
        // Fewer events than the pipe holds, like every fixture here, so the totals are exact however late the reader runs.
        var session = await RunAsync(Options, ShimFixtures.Program("signals"), "200000");

        var native = Native(session);
        Assert.Equal(0, native.Dropped);
        var churn = native.Sites.Where(s => s.Function == "churn").ToList();
        // 200,000 pairs, then 1,000 at a time until both kinds of signal came.
        var pairs = churn.Sum(s => s.Count);
        Assert.True(pairs >= 200_000 && pairs % 1000 == 0, $"churn made {pairs} allocations");
        Assert.Equal(64 * pairs, churn.Sum(s => s.Bytes));
        // An allocation of a handler that interrupted the shim itself passes through untracked, and so does its free:
        // each handler's blocks are either both seen or both not, never a leak.
        foreach (var handler in (string[])["on_alarm", "on_usr1"])
        {
            var sites = native.Sites.Where(s => s.Function == handler).ToList();
            Assert.True(sites.Sum(s => s.Count) > 0, $"{handler}: no allocation seen");
            Assert.Equal(0, sites.Sum(s => s.LeakedBytes));
        }

        Assert.Equal(0, churn.Sum(s => s.LeakedBytes));
        Assert.Equal(native.Allocations, native.Frees + native.LeakedBlocks);
    }

    [Arm64Fact]
    public async Task The_arm64_shim_loads_into_an_arm64_program_under_qemu_and_finds_its_leak()
    {
        // qemu-aarch64 itself is an x64 program: the x64 shim RustScope preloads is taken off it, the arm64 one given
        // to the program it emulates. The pipe's path reaches the program through qemu's environment.
        var session = await RunAsync(Options, "env", "-u", "LD_PRELOAD", Arm64FactAttribute.Qemu, "-L", "/usr/aarch64-linux-gnu",
            "-E", "LD_PRELOAD=" + Arm64FactAttribute.Shim, ShimFixtures.Arm64Program("leak"));

        var native = Native(session);
        Assert.Equal(0, native.Dropped);
        Assert.Equal(123_400, native.LeakedBytes);
        var leak = Assert.Single(native.Sites, s => s.LeakedBytes > 0);
        Assert.Equal("leak_here", leak.Function);
    }

    [Fact]
    public async Task A_tiny_pipe_drops_events_counts_them_and_says_so()
    {
        var session = await RunAsync(Options with { PipeBytes = 4096 }, ShimFixtures.Program("churn"), "2000000");

        var native = Native(session);
        Assert.True(native.Dropped > 0, $"dropped {native.Dropped} of {native.Allocations + native.Frees} events seen");
        Assert.Contains(session.Warnings, w => w.Contains($"dropped {native.Dropped} events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dotnet_target_s_native_library_allocation_site_is_named()
    {
        var library = ShimFixtures.Library("native_keep");

        var session = await RunAsync(Options, "dotnet", NativeAllocTargetDll, library, "40", "3000");

        var native = Native(session);
        var site = native.Sites.Single(s => s.Function == "native_keep");
        Assert.Equal("libnative_keep.so", site.Module);
        Assert.Equal(40 * 3000, site.LeakedBytes);
        Assert.Equal(40, site.Count);
        Assert.NotNull(site.Location);
        Assert.StartsWith("native_keep.c:", site.Location, StringComparison.Ordinal);
    }

    private static async Task<ProfileSession> RunAsync(NativeAllocationOptions options, string fileName, params string[] arguments)
    {
        await using var collector = new NativeAllocationCollector(options);
        var session = await SamplingHarness.LaunchAsync(collector, fileName, arguments);
        Assert.True(session.Meta.ExitCode == 0, $"{fileName} exited with {session.Meta.ExitCode}");
        return session;
    }

    private static string NativeAllocTargetDll => SamplingHarness.SamplingTargetDll.Replace("SamplingTarget", "NativeAllocTarget", StringComparison.Ordinal);

    private static NativeAllocationProfile Native(ProfileSession session) =>
        session.NativeAllocations ?? throw new Xunit.Sdk.XunitException($"no native allocations; warnings: {string.Join(" | ", session.Warnings)}");

    private static long Leaked(NativeAllocationProfile native, string function) => native.Sites.Where(s => s.Function == function).Sum(s => s.LeakedBytes);
}
