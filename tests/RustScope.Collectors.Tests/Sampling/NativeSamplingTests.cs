using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Collectors.Process;
using RustScope.Collectors.Sampling;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>perf sampling of a real C program built with frame pointers.</summary>
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
    public async Task A_child_that_exits_before_perf_attaches_does_not_stop_the_sampling()
    {
        // The shell's short-lived children are listed and gone before perf attaches, which made perf give up (exit 244)
        // in 3 of 5 runs; three runs make a regression show.
        var program = CompileBurn();
        for (var run = 0; run < 3; run++)
        {
            await using var collector = new SamplingCollector();

            var session = await SamplingHarness.LaunchAsync(collector, "/bin/sh", "-c", $"for i in $(seq 20); do /bin/true; done; exec '{program}' 1");

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

    private string CompileBurn()
    {
        var output = Path.Combine(_directory.FullName, "burn");
        var gcc = new ProcessStartInfo("gcc") { RedirectStandardError = true };
        foreach (var argument in new[] { "-O1", "-g", "-fno-omit-frame-pointer", "-o", output, Path.Combine(AppContext.BaseDirectory, "Sampling", "Fixtures", "burn.c") })
        {
            gcc.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(gcc)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"gcc failed: {errors}");
    }
}
