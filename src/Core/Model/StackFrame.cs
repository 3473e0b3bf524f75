namespace RustScope.Core.Model;

/// <summary>One frame of <see cref="StackProfile.Frames"/>.</summary>
public sealed record StackFrame
{
    /// <summary>Function name.</summary>
    public required string Name { get; init; }

    /// <summary>Module the function lives in.</summary>
    public string? Module { get; init; }
}
