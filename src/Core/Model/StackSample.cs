namespace RustScope.Core.Model;

/// <summary>One distinct stack and how often it was seen.</summary>
public sealed record StackSample
{
    /// <summary>Indices into <see cref="StackProfile.Frames"/>, root first, leaf last.</summary>
    public required IReadOnlyList<int> Stack { get; init; }

    /// <summary>Weight in <see cref="StackProfile.Unit"/>.</summary>
    public required double Weight { get; init; }

    /// <summary>The process the stack was sampled in; null when the source did not say (a merged or imported profile).</summary>
    public int? Pid { get; init; }

    /// <summary>The thread the stack was sampled on (the kernel's thread id); null when the source did not say.</summary>
    public int? Tid { get; init; }

    /// <summary>
    /// Whole seconds from <see cref="SessionMeta.StartTs"/> to the samples of this entry (a per-second bucket), so a
    /// phase of the run can be looked at on its own; null when the source kept no time.
    /// </summary>
    public int? Second { get; init; }
}
