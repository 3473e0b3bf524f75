using RustScope.Core.Formats;
using RustScope.Core.Model;

namespace RustScope.Core.Tests.Formats;

/// <summary>RustScope's pprof files read by the reference reader, <c>go tool pprof</c>.</summary>
public sealed class GoPprofTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-gopprof-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GoFact]
    public void Go_tool_pprof_top_names_the_same_top_function_with_the_same_weight()
    {
        var session = SampleProfiles.Session();
        var path = SampleProfiles.Write(_directory, "shop.pb.gz", ProfileWriter.Write(session, ProfileFormat.Pprof, "shop.json"));

        var (exitCode, output, errors) = Go.Run(_directory, "tool", "pprof", "-top", path);

        Assert.True(exitCode == 0, errors);
        // -top lists flat (self) weight, hottest first: the first row after the header is the top function.
        var rows = output.Split('\n').SkipWhile(static l => !l.TrimStart().StartsWith("flat", StringComparison.Ordinal)).Skip(1).Where(static l => l.Length > 0).ToList();
        var top = rows[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (expectedName, expectedSelf) = TopSelf(session.Stacks!);
        Assert.Equal(expectedName, string.Join(' ', top[5..]));
        Assert.Equal(expectedSelf.ToString(System.Globalization.CultureInfo.InvariantCulture), top[0]);
        Assert.Contains("Type: samples", output, StringComparison.Ordinal);
    }

    [GoFact]
    public void Go_tool_pprof_reads_the_allocation_sites_as_alloc_space()
    {
        var session = SampleProfiles.Session() with { Allocations = SampleProfiles.Allocations };
        var path = SampleProfiles.Write(_directory, "alloc.pb.gz", ProfileWriter.Write(session, ProfileFormat.Pprof, "shop.json"));

        var (exitCode, output, errors) = Go.Run(_directory, "tool", "pprof", "-sample_index=alloc_space", "-top", path);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("Type: alloc_space", output, StringComparison.Ordinal);
        Assert.Matches(@"\n\s*80kB\s+100%\s+100%\s+80kB\s+100%\s+Shop\.Buffer\.Rent\n", output);
    }

    [GoFact]
    public void Go_tool_pprof_shows_the_wait_column_and_focuses_on_a_thread_by_its_labels()
    {
        var path = SampleProfiles.Write(_directory, "threads.pb.gz", ProfileWriter.Write(SampleProfiles.Threaded(), ProfileFormat.Pprof, "shop.json"));

        var wait = Go.Run(_directory, "tool", "pprof", "-sample_index=wait", "-top", path);
        var thread = Go.Run(_directory, "tool", "pprof", "-tagfocus=tid=4250", "-top", path);
        var tags = Go.Run(_directory, "tool", "pprof", "-tags", path);

        Assert.All([wait, thread, tags], static r => Assert.True(r.ExitCode == 0, r.Errors));
        Assert.Contains("Type: wait", wait.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n\s*25\s+100%\s+100%\s+25\s+100%\s+System\.Threading\.Monitor\.Enter_Slowpath\n", wait.Output);
        // Thread 4250 ran memcpy under Shop.Pay on the CPU (12 samples); nothing else.
        Assert.Contains("Showing nodes accounting for 12, ", thread.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n\s*12\s+[\d.]+%\s+[\d.]+%\s+12\s+[\d.]+%\s+memcpy\n", thread.Output);
        Assert.Contains(SampleProfiles.HostileThread, tags.Output, StringComparison.Ordinal);
    }

    private static (string Name, double Self) TopSelf(StackProfile stacks) => stacks.Samples
        .GroupBy(s => stacks.Frames[s.Stack[^1]].Name)
        .Select(static g => (g.Key, g.Sum(static s => s.Weight)))
        .MaxBy(static p => p.Item2);
}
