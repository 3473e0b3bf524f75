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
        aggregator.Add([Main, Work, Hash], 2, SampleOrigin.Unknown);
        aggregator.Add([Main, Work, Work], 1, SampleOrigin.Unknown);
        aggregator.Add([Main], 1, SampleOrigin.Unknown);

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
        aggregator.Add([Main, Hash], 1, SampleOrigin.Unknown);
        aggregator.Add([Main, Hash], 3, SampleOrigin.Unknown);
        aggregator.Add([Main, Work], 1, SampleOrigin.Unknown);

        var stacks = aggregator.Stacks()!;

        Assert.Equal(2, stacks.Samples.Count);
        Assert.Equal(4, stacks.Samples[0].Weight);
        Assert.Equal(["main", "hash"], stacks.Samples[0].Stack.Select(i => stacks.Frames[i].Name));
        Assert.Equal("samples", stacks.Unit);
    }

    [Fact]
    public void The_same_stack_from_two_threads_or_seconds_stays_two_entries_and_threads_are_named()
    {
        var aggregator = new StackAggregator();
        aggregator.Add([Main, Hash], 2, new SampleOrigin(10, 11, 0));
        aggregator.Add([Main, Hash], 1, new SampleOrigin(10, 11, 0));
        aggregator.Add([Main, Hash], 1, new SampleOrigin(10, 12, 0));
        aggregator.Add([Main, Hash], 1, new SampleOrigin(10, 11, 1));
        aggregator.NameThread(10, 12, "worker");

        var stacks = aggregator.Stacks()!;

        Assert.Equal([(3.0, 11, 0), (1.0, 12, 0), (1.0, 11, 1)], stacks.Samples.Select(s => (s.Weight, s.Tid!.Value, s.Second!.Value)).OrderByDescending(s => s.Item1).ThenBy(s => s.Item3).ThenBy(s => s.Item2));
        Assert.All(stacks.Samples, s => Assert.Equal(10, s.Pid));
        Assert.Equal([(11, null), (12, "worker")], stacks.Threads.Select(t => (t.Tid, t.Name)));
        Assert.Equal(100, aggregator.Functions().Single(f => f.Name == "hash").SelfPct);
    }

    [Fact]
    public void Nothing_sampled_gives_no_functions_and_no_stacks()
    {
        var aggregator = new StackAggregator();
        aggregator.Add([], 1, SampleOrigin.Unknown);

        Assert.Empty(aggregator.Functions());
        Assert.Null(aggregator.Stacks());
    }
}
