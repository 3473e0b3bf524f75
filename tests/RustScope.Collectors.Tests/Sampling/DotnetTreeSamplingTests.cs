using RustScope.Collectors.Sampling;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>Every .NET process of a tree sampled through EventPipe, whatever started it, and none left waiting.</summary>
public sealed class DotnetTreeSamplingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rustscope-tree-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_script_that_execs_dotnet_and_its_dotnet_child_are_each_sampled_in_their_own_process()
    {
        await using var collector = new SamplingCollector();
        var dll = SamplingHarness.SamplingTargetDll;

        // The shell's background child is a .NET process, and the shell itself becomes one by exec.
        var session = await SamplingHarness.LaunchAsync(collector, "/bin/sh", "-c", $"dotnet '{dll}' hot 2 & exec dotnet '{dll}' hot 2");

        var stacks = session.Stacks!;
        var hotPids = stacks.Samples
            .Where(s => stacks.Frames[s.Stack[^1]].Name.Contains("HotLoop", StringComparison.Ordinal))
            .Select(s => s.Pid)
            .Distinct()
            .ToList();
        Assert.True(hotPids.Count == 2, $"HotLoop in processes {string.Join(", ", hotPids)}; warnings: {string.Join(" | ", session.Warnings)}");
        Assert.Contains("HotLoop", session.Functions[0].Name, StringComparison.Ordinal);
        Assert.All(stacks.Samples, s => Assert.True(s.Pid is not null && s.Tid is not null && s.Second is >= 0));
        // Each process's main thread (tid = pid) carries the name the kernel knows it by.
        Assert.All(hotPids, pid => Assert.Contains(stacks.Threads, t => t.Pid == pid && t.Tid == pid && t.Name == "dotnet"));
    }

    [Fact]
    public async Task A_dotnet_child_started_after_sampling_stopped_still_runs_to_its_end()
    {
        var marker = Path.Combine(_directory.FullName, "late-child.txt");
        await using (var collector = new SamplingCollector())
        {
            // The .NET root starts a grandchild that starts dotnet only once RustScope's port is gone, and exits.
            var session = await SamplingHarness.LaunchAsync(collector, "dotnet", SamplingHarness.SamplingTargetDll, "spawn", marker);
            Assert.Equal(0, session.Meta.ExitCode);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!File.Exists(marker) || new FileInfo(marker).Length == 0)
        {
            // A runtime waiting at a port nobody listens to would never write its result.
            await Task.Delay(100, patience.Token);
        }

        Assert.True(double.TryParse(File.ReadAllText(marker), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task A_dotnet_child_that_cannot_be_sampled_is_a_warning_naming_it_and_still_runs()
    {
        await using var collector = new SamplingCollector();
        // Its runtime puts its default diagnostic socket in its own TMPDIR, where RustScope does not look for it.
        var tmp = _directory.CreateSubdirectory("other-tmp").FullName;

        var session = await SamplingHarness.LaunchAsync(collector, "/bin/sh", "-c", $"TMPDIR='{tmp}' exec dotnet '{SamplingHarness.SamplingTargetDll}' hot 0.5");

        Assert.Equal(0, session.Meta.ExitCode);
        Assert.Contains(session.Warnings, w => w.StartsWith("sampling: the .NET process ", StringComparison.Ordinal)
            && w.Contains("SamplingTarget.dll hot 0.5) could not be sampled", StringComparison.Ordinal));
    }

    [Fact]
    public void A_maps_line_names_the_module_of_a_mapped_file_and_skips_anonymous_and_deleted_mappings()
    {
        var coreLib = ProcessModuleMapLine("7f3a00000000-7f3a00100000 r-xp 00000000 08:01 1234                       /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Private.CoreLib.dll");

        Assert.Equal((0x7f3a00000000UL, 0x7f3a00100000UL, "System.Private.CoreLib"), coreLib);
        Assert.Null(ProcessModuleMapLine("7f3a00000000-7f3a00100000 rw-p 00000000 00:00 0 "));
        Assert.Null(ProcessModuleMapLine("7f3a00000000-7f3a00100000 r-xs 00000000 00:01 77 /memfd:doublemapper (deleted)"));
        Assert.Null(ProcessModuleMapLine("7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]"));
    }

    private static (ulong, ulong, string)? ProcessModuleMapLine(string line) =>
        RustScope.Collectors.Sampling.EventPipe.ProcessModuleMap.Parse(line) is { } range ? (range.Start, range.End, range.Module) : null;
}
