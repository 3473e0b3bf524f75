using RustScope.Collectors.Sampling;
using RustScope.Collectors.Sampling.Perf;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class PerfScriptParserTests
{
    // perf script --show-task-events -F comm,pid,tid,ip,sym,dso of perf following RustScope (pid 100), which forked
    // the target (200); the target forked a worker (201) and RustScope another helper (300).
    private const string Script = """
        rustscope 100/100 PERF_RECORD_FORK(200:200):(100:104)
        burn 200/200 PERF_RECORD_COMM exec: burn:200/200
        burn 200/200 PERF_RECORD_FORK(201:201):(200:200)
        rustscope 100/100 PERF_RECORD_FORK(300:300):(100:104)
        burn 200/200 
        	    1139 burn (/tmp/x/burn)
        	    11a0 main (/tmp/x/burn)
        	   2724a __libc_start_call_main (/usr/lib/x86_64-linux-gnu/libc.so.6)

        Thread Pool Wor 100/107 
        	    5555 SamplerTick (/usr/lib/rustscope.so)

        burn 201/201 
        	    ffff operator new(unsigned long) (/usr/lib/x86_64-linux-gnu/libstdc++.so.6)
        	    dead [unknown] ([unknown])
        helper 300/300 
        	    7777 helper_main (/usr/bin/helper)
        burn 201/201 
        	    1139 burn (/tmp/x/burn)

        """;

    [Fact]
    public void Only_the_targets_tree_counts_with_root_first_stacks_symbols_modules_and_unknown_frames_folded()
    {
        var aggregator = new StackAggregator();

        new PerfScriptParser(rootPid: 200).Parse(new StringReader(Script), aggregator);

        var stacks = aggregator.Stacks()!;
        var folded = stacks.Samples.Select(s => string.Join(";", s.Stack.Select(i => stacks.Frames[i].Name))).ToList();
        Assert.Equal(3, aggregator.TotalWeight);
        Assert.Contains("__libc_start_call_main;main;burn", folded);
        Assert.Contains("?!?;operator new(unsigned long)", folded);
        Assert.Contains("burn", folded);
        Assert.DoesNotContain(folded, f => f.Contains("SamplerTick", StringComparison.Ordinal) || f.Contains("helper", StringComparison.Ordinal));
        var burn = aggregator.Functions()[0];
        Assert.Equal(("burn", "burn"), (burn.Name, burn.Module));
    }
}
