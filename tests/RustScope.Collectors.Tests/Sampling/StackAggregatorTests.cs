using RustScope.Collectors.Sampling;
using RustScope.Core.Model;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class StackAggregatorTests
{
    private static readonly StackFrame Main = new() { Name = "main", Module = "app" };
    private static readonly StackFrame Work = new() { Name = "work", Module = "app" };
    private static readonly StackFrame Hash = new() { Name = "hash", Module = "libc.so.6" };

    [Fact]
    public void Self_and_total_shares_come_from_leaf_and_whole_stack_with_recursion_counted_once_and_ties_go_to_the_larger_total()
    {
        var aggregator = new StackAggregator();
        aggregator.Add([Main, Work, Hash], 2);
        aggregator.Add([Main, Work, Work], 1);
        aggregator.Add([Main], 1);

        var functions = aggregator.Functions();

        Assert.Equal(["hash", "main", "work"], functions.Select(f => f.Name));
        var work = functions.Single(f => f.Name == "work");
        Assert.Equal(25, work.SelfPct);
        Assert.Equal(75, work.TotalPct);
        Assert.Equal(3, work.Calls);
        Assert.Equal(100, functions.Single(f => f.Name == "main").TotalPct);
        Assert.Equal("libc.so.6", functions[0].Module);
    }

    [Fact]
    public void Identical_stacks_merge_into_one_weighted_stack_root_first()
    {
        var aggregator = new StackAggregator();
        aggregator.Add([Main, Hash], 1);
        aggregator.Add([Main, Hash], 3);
        aggregator.Add([Main, Work], 1);

        var stacks = aggregator.Stacks()!;

        Assert.Equal(2, stacks.Samples.Count);
        Assert.Equal(4, stacks.Samples[0].Weight);
        Assert.Equal(["main", "hash"], stacks.Samples[0].Stack.Select(i => stacks.Frames[i].Name));
        Assert.Equal("samples", stacks.Unit);
    }

    [Fact]
    public void Nothing_sampled_gives_no_functions_and_no_stacks()
    {
        var aggregator = new StackAggregator();
        aggregator.Add([], 1);

        Assert.Empty(aggregator.Functions());
        Assert.Null(aggregator.Stacks());
    }
}
