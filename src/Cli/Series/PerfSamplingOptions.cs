using System.CommandLine;
using System.Globalization;
using RustScope.Collectors.Sampling.Perf;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Series;

/// <summary>
/// <c>--sample-hz</c> and <c>--call-graph</c>: how perf samples a native target, with their one check. Named apart from
/// <c>--hz</c>, the /proc sampler's rate (<see cref="SamplingRateOption"/>).
/// </summary>
internal sealed class PerfSamplingOptions
{
    public Option<int> Hz { get; } = new("--sample-hz")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"perf's sampling rate for native targets, in Hz, in [1, {PerfOptions.MaxHz}] (the kernel may allow less)."),
        DefaultValueFactory = _ => PerfOptions.DefaultHz,
    };

    public Option<string> CallGraph { get; } = CreateCallGraph();

    public void AddTo(Command command)
    {
        command.Options.Add(Hz);
        command.Options.Add(CallGraph);
    }

    /// <exception cref="InputException">The rate is not in [1, <see cref="PerfOptions.MaxHz"/>] (RS9005).</exception>
    public PerfOptions Read(ParseResult parse) => parse.GetValue(Hz) is >= 1 and <= PerfOptions.MaxHz and var hz
        ? new PerfOptions(hz, parse.GetValue(CallGraph) == "dwarf" ? Collectors.Sampling.Perf.CallGraph.Dwarf : Collectors.Sampling.Perf.CallGraph.FramePointer)
        : throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, string.Create(CultureInfo.InvariantCulture, $"--sample-hz must be in [1, {PerfOptions.MaxHz}]"));

    private static Option<string> CreateCallGraph()
    {
        var option = new Option<string>("--call-graph")
        {
            Description = "How perf walks native stacks: fp (frame pointers) or dwarf (for binaries built without frame pointers; 8 KB of perf data per sample).",
            DefaultValueFactory = _ => "fp",
        };
        option.AcceptOnlyFromAmong("fp", "dwarf");
        return option;
    }
}
