using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling;
using RustScope.Collectors.Sampling.Perf;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>perf sampling of real C programs (with and without frame pointers) and of a .NET child under a native root.</summary>
public sealed class NativeSamplingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rustscope-perf-");

    public void Dispose() => _directory.Delete(recursive: true);

    [PerfFact]
    public async Task The_hot_C_function_burn_is_found_through_perf()
    {
        var program = CompileBurn();
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.LaunchAsync(collector, program, "3");

        var top = session.Functions[0];
        Assert.True(top.Name == "burn", $"top function {top.Name}; warnings: {string.Join(" | ", session.Warnings)}");
        Assert.Equal("burn", top.Module);
        Assert.True(top.SelfPct >= 50, $"burn self {top.SelfPct} %");
        var stacks = session.Stacks!;
        Assert.Contains(stacks.Samples, s => stacks.Frames[s.Stack[^1]].Name == "burn" && s.Stack.Any(i => stacks.Frames[i].Name == "main"));
    }

    [PerfFact]
    public async Task A_target_over_before_perf_could_attach_is_said_so_not_called_a_perf_failure()
    {
        await using var collector = new SamplingCollector();

        // /bin/true is gone within a millisecond; perf takes tens of milliseconds to start.
        var session = await SamplingHarness.LaunchAsync(collector, "/bin/true");

        Assert.Contains(session.Warnings, w => w.Contains("ended before perf could attach to them", StringComparison.Ordinal));
        Assert.DoesNotContain(session.Warnings, w => w.Contains("perf record failed", StringComparison.Ordinal));
    }

    [PerfFact]
    public async Task A_child_that_exits_before_perf_attaches_does_not_stop_the_sampling()
    {
        // The shell's short-lived children are listed and gone before perf attaches, which made perf give up (exit 244)
        // in 3 of 5 runs; three runs make a regression show. burn runs 4 s: at a load of 30 perf attaches seconds late.
        var program = CompileBurn();
        for (var run = 0; run < 3; run++)
        {
            await using var collector = new SamplingCollector();

            var session = await SamplingHarness.LaunchAsync(collector, "/bin/sh", "-c", $"for i in $(seq 20); do /bin/true; done; exec '{program}' 4");

            Assert.DoesNotContain(session.Warnings, w => w.Contains("perf record failed", StringComparison.Ordinal));
            Assert.True(session.Functions.Count > 0 && session.Functions[0].Name == "burn", $"run {run}: {string.Join(" | ", session.Warnings)}");
        }
    }

    [PerfFact]
    public async Task Attaching_to_a_native_tree_samples_the_children_it_already_has()
    {
        var program = CompileBurn();
        await using var collector = new SamplingCollector();
        // The root only waits; the CPU is burnt by its child, which exists before RustScope attaches.
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", $"'{program}' 5 & wait" })
        {
            start.ArgumentList.Add(argument);
        }

        var startTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var root = FixtureProcess.Start(start);
        var drain = Task.WhenAll(root.StandardOutput.ReadToEndAsync(timeout.Token), root.StandardError.ReadToEndAsync(timeout.Token));
        while (ProcChildren.Of(root.Id).Count == 0)
        {
            await Task.Delay(10, timeout.Token);
        }

        await collector.StartAsync(root.Id, CancellationToken.None);
        await root.WaitForExitAsync(timeout.Token);
        await drain;
        var session = await collector.CompleteAsync(SamplingHarness.Session(startTs, root.ExitCode), CancellationToken.None);

        Assert.True(session.Functions.Count > 0 && session.Functions[0].Name == "burn", $"functions: {string.Join(", ", session.Functions.Take(3).Select(f => f.Name))}; warnings: {string.Join(" | ", session.Warnings)}");
    }

    [PerfFact]
    public async Task A_spawned_native_target_with_the_pid_of_a_dead_dotnet_process_is_still_sampled_by_perf()
    {
        var program = CompileBurn();
        await using var collector = new SamplingCollector();
        var launch = new LaunchSpec(program, ["3"]);
        await collector.PrepareLaunchAsync(launch, CancellationToken.None);

        var startTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var target = FixtureProcess.Start(new ProcessStartInfo(program, "3"));
        // What a .NET process that crashed with this pid leaves behind: its diagnostic socket's name in the temp folder.
        var staleSocket = Path.Combine(Path.GetTempPath(), $"dotnet-diagnostic-{target.Id}-1-socket");
        File.WriteAllBytes(staleSocket, []);
        try
        {
            await collector.StartAsync(target.Id, CancellationToken.None);
            await target.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            File.Delete(staleSocket);
        }

        var session = await collector.CompleteAsync(SamplingHarness.Session(startTs, target.ExitCode), CancellationToken.None);

        Assert.DoesNotContain(session.Warnings, w => w.Contains("EventPipe", StringComparison.Ordinal));
        Assert.True(session.Functions.Count > 0 && session.Functions[0].Name == "burn", $"functions: {string.Join(", ", session.Functions.Take(3).Select(f => f.Name))}; warnings: {string.Join(" | ", session.Warnings)}");
    }

    [PerfFact]
    public async Task Each_stack_keeps_its_process_thread_and_second_and_the_thread_its_name()
    {
        var program = CompileBurn();
        await using var collector = new SamplingCollector();

        var session = await SamplingHarness.LaunchAsync(collector, program, "3");

        Assert.True(session.Stacks is not null, $"no stacks; warnings: {string.Join(" | ", session.Warnings)}");
        var stacks = session.Stacks;
        var burn = stacks.Samples.Where(s => stacks.Frames[s.Stack[^1]].Name == "burn").ToList();
        Assert.NotEmpty(burn);
        Assert.All(burn, s => Assert.True(s.Pid is > 0 && s.Tid == s.Pid && s.Second is >= 0 and <= 4, $"pid {s.Pid}, tid {s.Tid}, second {s.Second}"));
        Assert.Contains(stacks.Threads, t => t.Pid == burn[0].Pid && t.Tid == burn[0].Tid && t.Name == "burn");
    }

    [PerfFact]
    public async Task Dwarf_unwinding_walks_a_binary_without_frame_pointers_that_frame_pointers_cannot()
    {
        // -O2 -fomit-frame-pointer: spin() runs four calls below main, with nothing for perf -g to follow.
        var program = Compile("deep.c", "-O2", "-g", "-fomit-frame-pointer");
        int Depth(ProfileSession session)
        {
            Assert.True(session.Stacks is not null, $"no stacks; warnings: {string.Join(" | ", session.Warnings)}");
            var stacks = session.Stacks;
            return stacks.Samples.Where(s => stacks.Frames[s.Stack[^1]].Name == "spin").Max(s => s.Stack.Count);
        }

        await using var framePointers = new SamplingCollector(perfOptions: new PerfOptions(CallGraph: CallGraph.FramePointer));
        var shallow = await SamplingHarness.LaunchAsync(framePointers, program, "3");
        await using var dwarf = new SamplingCollector(perfOptions: new PerfOptions(CallGraph: CallGraph.Dwarf));
        var deep = await SamplingHarness.LaunchAsync(dwarf, program, "3");

        Assert.True(Depth(deep) > Depth(shallow), $"dwarf {Depth(deep)} frames, frame pointers {Depth(shallow)}");
        var stacks = deep.Stacks!;
        var heaviest = stacks.Samples.Where(s => stacks.Frames[s.Stack[^1]].Name == "spin").MaxBy(s => s.Weight)!;
        Assert.Equal(["main", "level1", "level2", "level3", "spin"], heaviest.Stack.Select(i => stacks.Frames[i].Name).SkipWhile(name => name != "main"));
    }

    [PerfFact]
    public async Task A_dotnet_child_of_a_native_root_is_named_through_its_perf_map_which_is_not_left_in_tmp()
    {
        await using var collector = new SamplingCollector();

        // The shell is the root, so perf samples the tree; it waits first, because perf follows only children forked after
        // it attached (a second or more on a loaded machine). The .NET child is kept from RustScope's diagnostic port
        // (as a child that clears its environment would be), so perf's view of it, named through its map, is the one kept.
        var session = await SamplingHarness.LaunchAsync(collector, "/bin/sh", "-c", $"sleep 3; env -u DOTNET_DiagnosticPorts dotnet '{SamplingHarness.SamplingTargetDll}' hot 3; true");

        // Not necessarily first: on a loaded machine the kernel's scheduling of the child can take a share as large.
        var hot = session.Functions.FirstOrDefault(f => f.Name == "SamplingTarget.Workloads::HotLoop(float64)");
        Assert.True(hot is { Module: "SamplingTarget", SelfPct: >= 10 }, $"HotLoop: {hot?.Module} {hot?.SelfPct} %; top: {string.Join(", ", session.Functions.Take(3).Select(f => $"{f.Name} {f.SelfPct:F0} %"))}; warnings: {string.Join(" | ", session.Warnings)}");
        var pids = session.Stacks!.Samples.Select(s => s.Pid).OfType<int>().Distinct().ToList();
        Assert.NotEmpty(pids);
        Assert.All(pids, pid => Assert.False(Path.Exists($"/tmp/perf-{pid}.map"), $"/tmp/perf-{pid}.map was left behind"));
    }

    [PerfFact]
    public async Task In_a_mixed_tree_the_native_process_keeps_its_perf_samples_beside_the_dotnet_process_s_eventpipe_ones()
    {
        var program = CompileBurn();
        await using var collector = new SamplingCollector();

        // A native root (perf samples the tree) with a native child and a .NET child that reaches the diagnostic port:
        // each process counts once, the .NET one from EventPipe, the C one from perf. The shell waits first because
        // perf follows only children forked after it attached.
        var session = await SamplingHarness.LaunchAsync(collector, "/bin/sh", "-c", $"sleep 2; '{program}' 3 & dotnet '{SamplingHarness.SamplingTargetDll}' hot 3; wait");

        var stacks = session.Stacks!;
        int? PidOf(string leaf) => stacks.Samples.FirstOrDefault(s => stacks.Frames[s.Stack[^1]].Name.Contains(leaf, StringComparison.Ordinal))?.Pid;
        var report = $"top: {string.Join(", ", session.Functions.Take(4).Select(f => $"{f.Name} {f.SelfPct:F0} %"))}; warnings: {string.Join(" | ", session.Warnings)}";
        var burnPid = PidOf("burn");
        var hotPid = PidOf("HotLoop");
        Assert.True(burnPid is not null && hotPid is not null && burnPid != hotPid, report);
        // The .NET process's perf samples are not counted a second time beside EventPipe's: EventPipe has managed frames
        // only, perf would bring the runtime's and the kernel's (libcoreclr.so, [kernel.kallsyms]).
        Assert.DoesNotContain(stacks.Samples, s => s.Pid == hotPid
            && s.Stack.Any(i => stacks.Frames[i].Module is { } module && (module.Contains(".so", StringComparison.Ordinal) || module.StartsWith('['))));
        // Both burn a core for 3 s: in one unit (perf's samples weighted to EventPipe's milliseconds) neither dwarfs the other.
        var burn = session.Functions.Single(f => f.Name == "burn").SelfPct!.Value;
        var hot = session.Functions.First(f => f.Name.Contains("HotLoop", StringComparison.Ordinal)).SelfPct!.Value;
        Assert.True(burn / hot is > 0.2 and < 5, $"burn {burn:F0} %, HotLoop {hot:F0} %; {report}");
    }

    private string CompileBurn() => Compile("burn.c", "-O1", "-g", "-fno-omit-frame-pointer");

    private string Compile(string source, params string[] flags)
    {
        var output = Path.Combine(_directory.FullName, Path.GetFileNameWithoutExtension(source));
        var gcc = new ProcessStartInfo("gcc") { RedirectStandardError = true };
        foreach (var argument in (string[])[.. flags, "-o", output, Path.Combine(AppContext.BaseDirectory, "Sampling", "Fixtures", source)])
        {
            gcc.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(gcc)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed: {errors}");
    }
}
