namespace RustScope.Core.Statistics.ChangePoints;

/// <summary>How <see cref="ChangePointDetector"/> searches a series.</summary>
public sealed record ChangePointOptions
{
    /// <summary>The shared defaults.</summary>
    public static ChangePointOptions Default { get; } = new();

    /// <summary>A step is accepted while its permutation p-value is at or below this; the search stops at the first that is not.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Permutations per test; the smallest p-value they can give is 1 / (Permutations + 1).</summary>
    public int Permutations { get; init; } = 199;

    /// <summary>The fewest points a level may have on either side of a step.</summary>
    public int MinSegment { get; init; } = 3;

    /// <summary>Seed of the permutations, so the same series gives the same steps and p-values on every machine and run.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Confidence level of each step's interval.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
