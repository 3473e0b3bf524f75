namespace RustScope.Core.Model;

/// <summary>The git commit a session was recorded at.</summary>
public sealed record GitInfo
{
    /// <summary>Full commit sha.</summary>
    public required string Sha { get; init; }

    /// <summary>Branch name, absent on a detached HEAD.</summary>
    public string? Branch { get; init; }
}
