using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>
/// The .NET commands developers run, under the real <c>rustscope run</c>: every .NET process of their trees is sampled
/// through EventPipe, and none is left waiting at RustScope's diagnostic port.
/// </summary>
public sealed class DotnetTreeRunTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Dotnet_build_of_a_solution_samples_msbuild_and_the_compiler_named_in_every_process()
    {
        var app = GeneratedSolution.Write(_directory.Path);
        await DotnetAsync(_directory.Path, "restore", app);

        // The default build, compiled from scratch; node reuse is off (as MSBUILDDISABLENODEREUSE does on CI) because a
        // reused node outlives the run by design and serves later builds outside this tree.
        var session = await RunAsync("build.json", "dotnet", "build", app, "--no-restore", "--no-incremental", "-nodeReuse:false");

        var stacks = session.Stacks!;
        var total = stacks.Samples.Sum(s => s.Weight);
        var unnamed = stacks.Samples.Where(s => stacks.Frames[s.Stack[^1]].Name.EndsWith("!?", StringComparison.Ordinal)).Sum(s => s.Weight);
        Assert.True(unnamed < 0.05 * total, $"unnamed leaves: {unnamed} of {total} samples");
        Assert.Contains(session.Functions, f => f.Module?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);
        Assert.Contains(session.Functions, f => f.Module?.StartsWith("Microsoft.Build", StringComparison.Ordinal) == true);

        // The compiler ran in processes of their own, each sampled in its own process.
        var sampledPids = stacks.Samples.Select(s => s.Pid).ToHashSet();
        var compilers = session.Summary.Processes.Where(p => p.Name is "csc" or "VBCSCompiler").ToList();
        Assert.NotEmpty(compilers);
        Assert.All(compilers, p => Assert.Contains(p.Pid, sampledPids));
        Assert.Contains(session.Meta.Pid, sampledPids);
        Assert.DoesNotContain(session.Warnings, w => w.Contains("could not be sampled", StringComparison.Ordinal) || w.Contains("still being attached", StringComparison.Ordinal));
        await AssertNoneLeftAsync(session);
    }

    [Fact]
    public async Task Dotnet_test_finds_the_tests_hot_function_in_the_testhost_process()
    {
        var project = GeneratedSolution.WriteTestProject(_directory.Path);
        await DotnetAsync(_directory.Path, "build", project, "-nodeReuse:false");

        var session = await RunAsync("test.json", "dotnet", "test", project, "--no-build");

        var stacks = session.Stacks!;
        var hot = stacks.Samples.Where(s => s.Stack.Any(i => stacks.Frames[i].Name.Contains("SpinHot", StringComparison.Ordinal))).ToList();
        Assert.True(hot.Count > 0, $"functions: {string.Join(", ", session.Functions.Take(5).Select(f => f.Name))}; warnings: {string.Join(" | ", session.Warnings)}");
        // Not in the dotnet CLI nor in the test console that starts the test host: in the host, a process of its own.
        var hostPid = Assert.Single(hot.Select(s => s.Pid).Distinct());
        Assert.NotEqual(session.Meta.Pid, hostPid);
        Assert.Contains(hot, s => s.Stack.Any(i => stacks.Frames[i].Module?.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) == true));
        await AssertNoneLeftAsync(session);
    }

    private async Task<ProfileSession> RunAsync(string output, params string[] command)
    {
        using var rustscope = RustscopeProcess.Start(_directory.Path, ["run", "--no-tui", "-o", output, "--", .. command]);
        var exitCode = await rustscope.WaitForExitAsync(CommandTimeout);
        Assert.True(exitCode == 0, rustscope.Stderr);
        return Core.Model.SessionJson.Read(_directory.File(output));
    }

    /// <summary>No process of the tree may be left running (one waiting at a port would never end).</summary>
    private static async Task AssertNoneLeftAsync(ProfileSession session)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var pids = session.Summary.Processes.Select(p => p.Pid).ToList();
        while (pids.Any(IsRunning) && !patience.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
        }

        Assert.DoesNotContain(pids, IsRunning);
    }

    private static bool IsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && File.ReadAllText($"/proc/{pid}/stat") is var stat && stat[(stat.LastIndexOf(')') + 2)] != 'Z';

    private static async Task DotnetAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = FixtureProcess.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)}: {await output}{await errors}");
    }
}
