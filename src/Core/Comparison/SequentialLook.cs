namespace RustScope.Core.Comparison;

/// <summary>One look of a sequential comparison: the runs a side it judged and its share of alpha.</summary>
public sealed record SequentialLook(int Runs, double Alpha);
