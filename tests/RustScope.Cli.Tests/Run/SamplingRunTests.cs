using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Cli.Tests.Run;

/// <summary>Function sampling through the real <c>rustscope run</c>, and the collapsed export of what it recorded.</summary>
public sealed class SamplingRunTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Run_samples_a_dotnet_target_and_export_writes_its_stacks_as_folded_lines()
    {
        var (runExit, _, runErrors) = await RustscopeProcess.RunAsync(_directory.Path, "run", "-o", "hot.json", "--", "dotnet", DotnetFixtures.SamplingTarget, "hot", "3");
        var session = SessionJson.Read(_directory.File("hot.json"));
        Assert.True(runExit == 0, runErrors);
        Assert.Contains("HotLoop", session.Functions[0].Name, StringComparison.Ordinal);
        Assert.True(session.Functions[0].SelfPct >= 50, $"HotLoop self {session.Functions[0].SelfPct} %");
        Assert.Contains(session.Samples, s => s.GcHeapMb is not null && s.ThreadpoolThreads is not null);

        var (exportExit, _, exportErrors) = await RustscopeInProcess.RunAsync(_directory.Path, "export", "hot.json", "--format", "collapsed", "-o", "hot.folded");

        Assert.True(exportExit == 0, exportErrors);
        var folded = File.ReadAllText(_directory.File("hot.folded"));
        var read = CollapsedStacks.Parse(new StringReader(folded), "hot.folded");
        Assert.Equal(session.Stacks!.Samples.Sum(s => Math.Round(s.Weight)), read.Samples.Sum(s => s.Weight));
        Assert.Contains(folded.Split('\n'), line => line.Contains("HotLoop", StringComparison.Ordinal) && line.Contains("Main", StringComparison.Ordinal));

        // A file where the output's directory should be: an input error naming the file, not a crash.
        var (unwritableExit, _, unwritableErrors) = await RustscopeInProcess.RunAsync(_directory.Path, "export", "hot.json", "--format", "collapsed", "-o", "hot.folded/stacks.txt");
        Assert.Equal(2, unwritableExit);
        Assert.Contains("hot.folded/stacks.txt: error RS9203: cannot write the export: ", unwritableErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_cpu_and_waiting_functions_contentions_allocations_and_runtime_figures_of_a_real_run()
    {
        var (runExit, _, runErrors) = await RustscopeProcess.RunAsync(_directory.Path, "run", "-o", "waits.json", "--", "dotnet", DotnetFixtures.SamplingTarget, "waits", "2");
        Assert.True(runExit == 0, runErrors);

        var (showExit, text, showErrors) = await RustscopeInProcess.RunAsync(_directory.Path, "show", "waits.json");

        Assert.True(showExit == 0, showErrors);
        Assert.Matches(@"(?m)^Functions, sampled: top 10 of \d+ by self %\n.*\n\s+\d+\.\d %.*SamplingTarget\.Waits\.Spin\(int64\)", text);
        Assert.Matches(@"(?m)^Functions, waiting: top 10 of \d+ by wait %$", text);
        Assert.Matches(@"(?m)^Lock contentions: top \d+ of \d+ by wait time\n.*\n.*SamplingTarget\.Waits\.EnterMonitor\(\)", text);
        Assert.Matches(@"(?m)^Allocation sites: top \d+ of \d+ by estimated bytes$", text);
        Assert.Matches(@"(?m)^  gc pauses\s+total ", text);
        Assert.Matches(@"(?m)^  lock contentions\s+total [1-9]", text);
        Assert.Matches(@"(?m)^  jit\s+\d+ methods compiled, ", text);
        Assert.Matches(@"(?m)^  exceptions\s+total [1-9]", text);
    }

    [Fact]
    public async Task A_dotnet_target_that_crashes_mid_trace_still_gets_its_session_with_the_sampled_functions()
    {
        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, "run", "-o", "crash.json", "--", "dotnet", DotnetFixtures.SamplingTarget, "crash", "2");

        Assert.True(File.Exists(_directory.File("crash.json")), stderr);
        var session = SessionJson.Read(_directory.File("crash.json"));
        // Environment.FailFast aborts: SIGABRT, which rustscope passes on as the shell does (128 + 6).
        Assert.Equal(134, exitCode);
        Assert.Equal(134, session.Meta.ExitCode);
        Assert.Equal(Termination.Signaled, session.Meta.Termination);
        Assert.True(session.Functions.Any(f => f.Name.Contains("HotLoop", StringComparison.Ordinal)), $"functions: {session.Functions.Count}; warnings: {string.Join(" | ", session.Warnings)}");
    }

    [Fact]
    public async Task Without_perf_a_native_target_gets_one_warning_and_its_proc_samples()
    {
        // A PATH with only the .NET host: perf cannot be found. The shell loop burns CPU with builtins only.
        var environment = new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(DotnetHostInstallation())! };

        var (exitCode, _, stderr) = await RustscopeProcess.RunAsync(_directory.Path, environment, "run", "-o", "native.json", "--", "/bin/sh", "-c", "i=0; while [ $i -lt 1500000 ]; do i=$((i + 1)); done");

        Assert.True(exitCode == 0, stderr);
        var session = SessionJson.Read(_directory.File("native.json"));
        var warning = Assert.Single(session.Warnings);
        Assert.StartsWith("sampling: perf is not installed", warning, StringComparison.Ordinal);
        Assert.NotEmpty(session.Samples);
        Assert.Empty(session.Functions);
        Assert.Null(session.Stacks);
    }

    [Fact]
    public async Task With_sampling_off_there_are_no_stacks_and_export_says_so_with_exit_2()
    {
        var (runExit, _, _) = await RustscopeProcess.RunAsync(_directory.Path, "run", "--sampling", "off", "--", "dotnet", DotnetFixtures.SamplingTarget, "hot", "0.3");
        var session = SessionJson.Read(_directory.File("rustscope-last.json"));
        Assert.Equal(0, runExit);
        Assert.Empty(session.Functions);
        Assert.Null(session.Stacks);

        var (exportExit, stdout, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "export", "rustscope-last.json", "--format", "collapsed");

        Assert.Equal(2, exportExit);
        Assert.Empty(stdout);
        Assert.Matches(@"rustscope-last\.json: error RS9202: .*\(at \$\.stacks\)", stderr);
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_usage_error()
    {
        File.WriteAllText(_directory.File("any.json"), "{}");

        var (exitCode, _, stderr) = await RustscopeInProcess.RunAsync(_directory.Path, "export", "any.json", "--format", "pprof");

        Assert.Equal(2, exitCode);
        Assert.Contains("pprof", stderr, StringComparison.Ordinal);
    }

    /// <summary>The real dotnet executable: /usr/bin/dotnet is often a link, and /usr/bin holds perf too.</summary>
    private static string DotnetHostInstallation()
    {
        var onPath = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(directory => Path.Combine(directory, "dotnet")).First(File.Exists);
        return new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
    }
}
