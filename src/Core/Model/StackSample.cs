namespace RustScope.Core.Model;

/// <summary>One distinct stack and how often it was seen.</summary>
public sealed record StackSample
{
    /// <summary>Indices into <see cref="StackProfile.Frames"/>, root first, leaf last.</summary>
    public required IReadOnlyList<int> Stack { get; init; }

    /// <summary>Weight in <see cref="StackProfile.Unit"/>.</summary>
    public required double Weight { get; init; }
}
