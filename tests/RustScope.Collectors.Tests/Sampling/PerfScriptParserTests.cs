using RustScope.Collectors.Sampling;
using RustScope.Collectors.Sampling.Perf;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class PerfScriptParserTests
{
    [Fact]
    public void Samples_become_root_first_stacks_with_symbols_modules_and_unknown_frames_folded()
    {
        const string script = """
            burn 4242
            	    1139 burn (/tmp/x/burn)
            	    11a0 main (/tmp/x/burn)
            	   2724a __libc_start_call_main (/usr/lib/x86_64-linux-gnu/libc.so.6)

            burn 4242
            	    ffff operator new(unsigned long) (/usr/lib/x86_64-linux-gnu/libstdc++.so.6)
            	    dead [unknown] ([unknown])
            burn 4243
            	    1139 burn (/tmp/x/burn)

            """;
        var aggregator = new StackAggregator();

        PerfScriptParser.Parse(new StringReader(script), aggregator);

        var stacks = aggregator.Stacks()!;
        var names = stacks.Samples.Select(s => string.Join(";", s.Stack.Select(i => stacks.Frames[i].Name))).ToList();
        Assert.Equal(3, aggregator.TotalWeight);
        Assert.Contains("__libc_start_call_main;main;burn", names);
        Assert.Contains("?!?;operator new(unsigned long)", names);
        Assert.Contains("burn", names);
        var burn = aggregator.Functions()[0];
        Assert.Equal(("burn", "burn"), (burn.Name, burn.Module));
    }
}
