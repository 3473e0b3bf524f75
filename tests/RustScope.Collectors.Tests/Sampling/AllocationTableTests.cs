using Microsoft.Diagnostics.Tracing.Etlx;
using RustScope.Collectors.Sampling.EventPipe;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

/// <summary>Allocation sites as the user sees them: one per type and function stack, however many times the JIT compiled it.</summary>
public sealed class AllocationTableTests
{
    private static readonly StackFrame Main = new() { Name = "Program.Main", Module = "app" };
    private static readonly StackFrame Build = new() { Name = "Report.Build", Module = "app" };
    private static readonly StackFrame Parse = new() { Name = "Report.Parse", Module = "app" };

    // Call-stack nodes 1 and 2 are Report.Build at tier 0 and tier 1: distinct nodes, the same functions.
    private static readonly Dictionary<CallStackIndex, IReadOnlyList<StackFrame>> Stacks = new()
    {
        [(CallStackIndex)1] = [Main, Build],
        [(CallStackIndex)2] = [Main, Build],
        [(CallStackIndex)3] = [Main, Parse],
    };

    [Fact]
    public void Compiled_versions_of_one_function_are_one_site_with_their_bytes_and_objects_summed()
    {
        var table = new AllocationTable();
        table.Add("System.String", (CallStackIndex)1, 100);
        table.Add("System.String", (CallStackIndex)2, 250);
        table.Add("System.Byte[]", (CallStackIndex)2, 400);
        table.Add("System.String", (CallStackIndex)3, 300);

        var sites = table.Top(index => Stacks[index]);

        Assert.Equal(
            [("System.Byte[]", 400d, 1L, "Report.Build"), ("System.String", 350d, 2L, "Report.Build"), ("System.String", 300d, 1L, "Report.Parse")],
            sites.Select(s => (s.Type, s.Bytes, s.Count, s.Stack[^1].Name)));
    }

    [Fact]
    public void The_cap_applies_to_merged_sites_so_duplicates_push_no_real_site_out()
    {
        var table = new AllocationTable();
        var stacks = new Dictionary<CallStackIndex, IReadOnlyList<StackFrame>>();
        for (var i = 0; i < AllocationTable.MaxSites; i++)
        {
            // Every function twice (two compiled versions), then one more function that must still be listed.
            var frame = new StackFrame { Name = $"F{i}", Module = "app" };
            stacks[(CallStackIndex)(2 * i)] = [Main, frame];
            stacks[(CallStackIndex)((2 * i) + 1)] = [Main, frame];
            table.Add("T", (CallStackIndex)(2 * i), 1000 + i);
            table.Add("T", (CallStackIndex)((2 * i) + 1), 1000 + i);
        }

        var sites = table.Top(index => stacks[index]);

        Assert.Equal(AllocationTable.MaxSites, sites.Count);
        Assert.Equal(AllocationTable.MaxSites, sites.Select(s => s.Stack[^1].Name).Distinct().Count());
    }
}
