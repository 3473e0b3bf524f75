using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// The native sites of <c>run --track-alloc</c> on the path the .NET allocation sites already take to the exports: as
/// allocation sites of type <c>native</c> (pprof's alloc_objects/alloc_space), or as stacks weighted in bytes.
/// </summary>
internal static class NativeAllocationStacks
{
    /// <summary>The type native sites carry among <see cref="ProfileSession.Allocations"/>'s.</summary>
    public const string SiteType = "native";

    /// <summary>The session's .NET allocation sites, then its native ones.</summary>
    public static IReadOnlyList<AllocationSite> AllocationSites(ProfileSession session) => session.NativeAllocations is { Sites.Count: > 0 } native
        ? [.. session.Allocations, .. native.Sites.Select(static s => new AllocationSite { Type = SiteType, Bytes = s.Bytes, Count = s.Count, Stack = s.Stack })]
        : session.Allocations;

    /// <summary>The native sites as a flamegraph's stacks, weighted by bytes allocated; null without native sites.</summary>
    public static StackProfile? Stacks(ProfileSession session)
    {
        if (session.NativeAllocations is not { Sites.Count: > 0 } native)
        {
            return null;
        }

        var frames = new List<StackFrame>();
        var index = new Dictionary<StackFrame, int>();
        var samples = native.Sites.Where(static s => s.Stack.Count > 0 && s.Bytes > 0).Select(site => new StackSample
        {
            Stack = [.. site.Stack.Select(frame => index.TryGetValue(frame, out var i) ? i : index[frame] = Add(frames, frame))],
            Weight = site.Bytes,
        }).ToList();
        return new StackProfile { Unit = "bytes", Frames = frames, Samples = samples };
    }

    private static int Add(List<StackFrame> frames, StackFrame frame)
    {
        frames.Add(frame);
        return frames.Count - 1;
    }
}
