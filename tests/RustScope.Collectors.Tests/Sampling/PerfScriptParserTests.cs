using RustScope.Collectors.Sampling;
using RustScope.Collectors.Sampling.Perf;

namespace RustScope.Collectors.Tests.Sampling;

public sealed class PerfScriptParserTests
{
    [Fact]
    public void Samples_become_root_first_stacks_with_symbols_modules_and_unknown_frames_folded()
    {
        const string script = """
            burn 4242/4242 100.250000: 
            	    1139 burn (/tmp/x/burn)
            	    11a0 main (/tmp/x/burn)
            	   2724a __libc_start_call_main (/usr/lib/x86_64-linux-gnu/libc.so.6)

            burn 4242/4242 100.260000: 
            	    ffff operator new(unsigned long) (/usr/lib/x86_64-linux-gnu/libstdc++.so.6)
            	    dead [unknown] ([unknown])
            burn 4242/4243 100.270000: 
            	    1139 burn (/tmp/x/burn)

            """;
        var aggregator = new StackAggregator();

        PerfScriptParser.Parse(new StringReader(script), aggregator, zeroSeconds: 100);

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
            dotnet 51212/51212 2000.5: 
            	    7f1c2a3b4c5d [unknown] (/memfd:doublemapper (deleted))
            	    7f1c2a3b4d00 Microsoft.Build.Evaluation.Expander`2[System.__Canon,System.__Canon]::ExpandIntoStringLeaveEscaped(string) (/memfd:doublemapper (deleted))
            	    7f1c29000000 operator new(unsigned long) (/usr/lib/x86_64-linux-gnu/libstdc++.so.6)
            	    7f1c28000000 main (/usr/share/dotnet/dotnet)

            """;
        var aggregator = new StackAggregator();

        PerfScriptParser.Parse(new StringReader(script), aggregator, zeroSeconds: 2000);

        var stacks = aggregator.Stacks()!;
        var sample = Assert.Single(stacks.Samples);
        Assert.Equal(
            ["main", "operator new(unsigned long)", "Microsoft.Build.Evaluation.Expander`2[System.__Canon,System.__Canon]::ExpandIntoStringLeaveEscaped(string)", "memfd:doublemapper (deleted)!?"],
            sample.Stack.Select(i => stacks.Frames[i].Name));
        Assert.Equal("memfd:doublemapper (deleted)", stacks.Frames[sample.Stack[^1]].Module);
    }

    [Fact]
    public void Each_sample_keeps_its_process_thread_and_second_and_threads_keep_their_names()
    {
        // A thread name with spaces, as .NET names its pool threads; times on the clock the session started at 5000.25 s.
        const string script = """
            dotnet 700/700 5000.300000: 
            	    1139 main (/usr/share/dotnet/dotnet)

            .NET TP Worker 700/731 5002.900000: 
            	    1139 work (/tmp/x/lib.so)
            	    11a0 start_thread (/usr/lib/x86_64-linux-gnu/libc.so.6)

            cc1 812/812 5003.260000: 
            	    1139 parse (/usr/libexec/gcc/cc1)

            """;
        var aggregator = new StackAggregator();

        PerfScriptParser.Parse(new StringReader(script), aggregator, zeroSeconds: 5000.25);

        var stacks = aggregator.Stacks()!;
        var origins = stacks.Samples.Select(s => (stacks.Frames[s.Stack[^1]].Name, s.Pid, s.Tid, s.Second)).OrderBy(o => o.Second).ToList();
        Assert.Equal([("main", 700, 700, 0), ("work", 700, 731, 2), ("parse", 812, 812, 3)], origins);
        Assert.Equal(
            [(700, 700, "dotnet"), (700, 731, ".NET TP Worker"), (812, 812, "cc1")],
            stacks.Threads.Select(t => (t.Pid, t.Tid, t.Name)));
    }

    [Fact]
    public void A_frame_named_from_a_dotnet_perf_map_gets_its_method_and_assembly()
    {
        // perf names JIT code from /tmp/perf-PID.map (return type, [assembly], method); runtime stubs have no assembly.
        const string script = """
            dotnet 900/900 10.0: 
            	    7f6d086a1be0 uint64 [SamplingTarget] SamplingTarget.Workloads::HotLoop(float64) (/tmp/perf-900.map)
            	    7f6d086a1000 stub<1> JitHelper<Allocate> (/tmp/perf-900.map)
            	    7f6d086a1860 [unknown] (/tmp/perf-900.map)

            """;
        var aggregator = new StackAggregator();

        PerfScriptParser.Parse(new StringReader(script), aggregator, zeroSeconds: 10);

        var stacks = aggregator.Stacks()!;
        var sample = Assert.Single(stacks.Samples);
        Assert.Equal(
            [("perf-900.map!?", "perf-900.map"), ("stub<1> JitHelper<Allocate>", null), ("SamplingTarget.Workloads::HotLoop(float64)", "SamplingTarget")],
            sample.Stack.Select(i => (stacks.Frames[i].Name, stacks.Frames[i].Module)));
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
