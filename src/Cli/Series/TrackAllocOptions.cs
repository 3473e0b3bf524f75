using System.CommandLine;
using System.Globalization;
using RustScope.Collectors.Native;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Series;

/// <summary><c>--track-alloc[=root]</c> and <c>--alloc-depth</c>: the allocation shim of <c>run</c>, with their one check.</summary>
internal sealed class TrackAllocOptions
{
    public Option<string?> TrackAlloc { get; } = CreateTrackAlloc();

    public Option<int> Depth { get; } = new("--alloc-depth")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Caller frames kept per native allocation with --track-alloc, in [1, {NativeAllocationOptions.MaxDepth}] (frame-pointer walk; code without frame pointers gives fewer)."),
        DefaultValueFactory = _ => 8,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(TrackAlloc);
        command.Options.Add(Depth);
    }

    /// <summary>The tracking asked for, or null without <c>--track-alloc</c>.</summary>
    /// <exception cref="InputException">The depth is out of range, or this install has no shim (RS9005).</exception>
    public NativeAllocationOptions? Read(ParseResult parse)
    {
        if (parse.GetResult(TrackAlloc) is null)
        {
            return null;
        }

        var depth = parse.GetValue(Depth);
        if (depth is < 1 or > NativeAllocationOptions.MaxDepth)
        {
            throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, string.Create(CultureInfo.InvariantCulture, $"--alloc-depth must be in [1, {NativeAllocationOptions.MaxDepth}], not {depth}"));
        }

        return ShimLocator.Problem() is { } problem
            ? throw DiagnosticWriter.CommandLineError(DiagnosticCodes.CommandInvalid, problem)
            : new NativeAllocationOptions(RootOnly: parse.GetValue(TrackAlloc) == "root", Depth: depth);
    }

    private static Option<string?> CreateTrackAlloc()
    {
        var option = new Option<string?>("--track-alloc")
        {
            Description = "Track the C allocator (malloc, free, realloc…) of the command and its children through an LD_PRELOAD shim: native live bytes, top sites, leaks at exit; --track-alloc=root tracks the root process only.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        option.AcceptOnlyFromAmong("all", "root");
        return option;
    }
}
