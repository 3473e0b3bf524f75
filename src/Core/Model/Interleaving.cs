namespace RustScope.Core.Model;

/// <summary>
/// Marks a session as one side of an interleaved A/B series (<c>rustscope ab</c>): the base and head sessions share
/// <see cref="SeriesId"/>, and the runs with the same <see cref="RunAggregate.Index"/> ran back to back, so a
/// comparison can analyse them as pairs.
/// </summary>
public sealed record Interleaving
{
    /// <summary>Identifies the series; the same in its base and head sessions.</summary>
    public required string SeriesId { get; init; }

    /// <summary><c>base</c> or <c>head</c>.</summary>
    public required string Side { get; init; }

    /// <summary>True when <paramref name="baseline"/> and <paramref name="head"/> are the two sides of one series.</summary>
    public static bool Pairs(Interleaving? baseline, Interleaving? head) =>
        baseline is not null && head is not null && baseline.SeriesId == head.SeriesId && baseline.Side != head.Side;
}
