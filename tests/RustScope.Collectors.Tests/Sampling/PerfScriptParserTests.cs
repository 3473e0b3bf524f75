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

    [Fact]
    public void A_frame_in_a_mapping_with_parentheses_is_kept_with_its_symbol_whole()
    {
        // Lines as `perf script` printed them for `dotnet build`: .NET's JIT code is mapped from a deleted memfd.
        const string script = """
            dotnet 51212
            	    7f1c2a3b4c5d [unknown] (/memfd:doublemapper (deleted))
            	    7f1c2a3b4d00 Microsoft.Build.Evaluation.Expander`2[System.__Canon,System.__Canon]::ExpandIntoStringLeaveEscaped(string) (/memfd:doublemapper (deleted))
            	    7f1c29000000 operator new(unsigned long) (/usr/lib/x86_64-linux-gnu/libstdc++.so.6)
            	    7f1c28000000 main (/usr/share/dotnet/dotnet)

            """;
        var aggregator = new StackAggregator();

        PerfScriptParser.Parse(new StringReader(script), aggregator);

        var stacks = aggregator.Stacks()!;
        var sample = Assert.Single(stacks.Samples);
        Assert.Equal(
            ["main", "operator new(unsigned long)", "Microsoft.Build.Evaluation.Expander`2[System.__Canon,System.__Canon]::ExpandIntoStringLeaveEscaped(string)", "memfd:doublemapper (deleted)!?"],
            sample.Stack.Select(i => stacks.Frames[i].Name));
        Assert.Equal("memfd:doublemapper (deleted)", stacks.Frames[sample.Stack[^1]].Module);
    }

    [Theory]
    [InlineData("  7f00 sym (", false)]
    [InlineData("  notHex sym (/lib/x.so)", false)]
    [InlineData("  7f00 (/lib/x.so)", false)]
    [InlineData("  7f00 f(int) ((weird) name)", true)]
    public void Only_well_formed_frame_lines_are_frames(string line, bool frame)
    {
        Assert.Equal(frame, PerfScriptParser.TrySplitFrame(line, out _, out _));
    }
}
