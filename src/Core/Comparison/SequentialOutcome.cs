using RustScope.Core.Model;

namespace RustScope.Core.Comparison;

/// <summary>How a comparison of <c>--runs auto</c> sessions was reached: the looks replayed and the level of each.</summary>
public sealed record SequentialOutcome
{
    /// <summary>Runs a side at the last look.</summary>
    public required int Runs { get; init; }

    /// <summary>The most runs a side the series was allowed.</summary>
    public required int MaxRuns { get; init; }

    /// <summary>Why the series stopped.</summary>
    public required AdaptiveStop Stop { get; init; }

    /// <summary>Each look: the runs a side it saw and the alpha it tested at (they add up to at most the comparison's alpha).</summary>
    public required IReadOnlyList<SequentialLook> Looks { get; init; }
}
