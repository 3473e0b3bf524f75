namespace RustScope.Collectors.Sampling.Perf;

/// <summary>How perf walks a sampled native stack.</summary>
internal enum CallGraph
{
    /// <summary>Frame pointers (<c>-g</c>): cheap, but a binary built without them shows only its leaf frames.</summary>
    FramePointer,

    /// <summary>
    /// A copy of the user stack unwound afterwards with the binaries' DWARF call-frame information
    /// (<c>--call-graph dwarf</c>): whole stacks without frame pointers, at the price of 8 KB per sample in perf.data.
    /// </summary>
    Dwarf,
}
