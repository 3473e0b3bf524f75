using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>Writes a session in any <see cref="ProfileFormat"/>: the one catalog <c>convert</c> and <c>export</c> share.</summary>
public static class ProfileWriter
{
    /// <summary>The format names <c>--format</c> accepts, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["collapsed", "pprof", "speedscope", "session"];

    /// <summary>The format named <paramref name="name"/> (one of <see cref="Names"/>), or null.</summary>
    public static ProfileFormat? FromName(string name) => name switch
    {
        "collapsed" => ProfileFormat.Collapsed,
        "pprof" => ProfileFormat.Pprof,
        "speedscope" => ProfileFormat.Speedscope,
        "session" => ProfileFormat.Session,
        _ => null,
    };

    /// <summary>
    /// The format a file name asks for: <c>.folded</c>, <c>.collapsed</c>, <c>.txt</c> collapsed; <c>.pb.gz</c>,
    /// <c>.pprof</c>, <c>.pb</c> pprof; <c>.speedscope.json</c> speedscope; any other <c>.json</c> a session. Null otherwise.
    /// </summary>
    public static ProfileFormat? FromExtension(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        // The double extensions first: .speedscope.json is JSON too, .pb.gz is gzip of .pb.
        return name switch
        {
            _ when name.EndsWith(".speedscope.json", StringComparison.Ordinal) => ProfileFormat.Speedscope,
            _ when name.EndsWith(".pb.gz", StringComparison.Ordinal) || name.EndsWith(".pprof", StringComparison.Ordinal) || name.EndsWith(".pb", StringComparison.Ordinal) => ProfileFormat.Pprof,
            _ when name.EndsWith(".folded", StringComparison.Ordinal) || name.EndsWith(".collapsed", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal) => ProfileFormat.Collapsed,
            _ when name.EndsWith(".json", StringComparison.Ordinal) => ProfileFormat.Session,
            _ => null,
        };
    }

    /// <summary>The bytes of <paramref name="session"/> in <paramref name="format"/>.</summary>
    /// <param name="session">The session to write.</param>
    /// <param name="format">The format to write it in.</param>
    /// <param name="sourceName">Names the session in errors.</param>
    /// <exception cref="InputException">A stack format was asked for and the session has no stacks (for pprof: nor allocation sites).</exception>
    public static byte[] Write(ProfileSession session, ProfileFormat format, string sourceName) => format switch
    {
        ProfileFormat.Session => SessionJson.Serialize(session),
        ProfileFormat.Collapsed => Encoding.UTF8.GetBytes(CollapsedStacks.Write(Stacks(session, sourceName))),
        // pprof also carries allocation sites (as alloc_objects/alloc_space), so a session with only those is enough.
        ProfileFormat.Pprof => PprofFormat.Write(NativeAllocationStacks.AllocationSites(session).Count > 0 ? session : session with { Stacks = Stacks(session, sourceName) }),
        ProfileFormat.Speedscope => SpeedscopeFormat.Write(Stacks(session, sourceName), session.WaitStacks, session.Meta.Project),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    // Without CPU stacks, the native allocation sites of run --track-alloc are the stacks (weighted in bytes).
    private static StackProfile Stacks(ProfileSession session, string sourceName) => session.Stacks is { Samples.Count: > 0 } stacks
        ? stacks
        : NativeAllocationStacks.Stacks(session) is { } native ? native
        : throw new InputException(new Diagnostic(sourceName, null, null, DiagnosticCodes.ExportNoData,
            "the session has no stacks to export (record it with rustscope run and sampling on, or --track-alloc)")
        { JsonPath = "$.stacks" });
}
