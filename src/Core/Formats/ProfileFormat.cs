namespace RustScope.Core.Formats;

/// <summary>A format <c>rustscope convert</c> writes.</summary>
public enum ProfileFormat
{
    /// <summary>A RustScope session (ProfileSession JSON).</summary>
    Session,

    /// <summary>Collapsed ("folded") stacks, one <c>a;b;c weight</c> line each.</summary>
    Collapsed,

    /// <summary>pprof's gzip-compressed <c>profile.proto</c>.</summary>
    Pprof,

    /// <summary>speedscope's JSON file format.</summary>
    Speedscope,
}
