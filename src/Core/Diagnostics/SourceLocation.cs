namespace RustScope.Core.Diagnostics;

/// <summary>A position in a user's file, one-based.</summary>
/// <param name="File">The file.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:col</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{File}:{Line}:{Column}");
}
