namespace RustScope.History;

/// <summary>Which stored sessions to list; every criterion given must hold.</summary>
internal sealed record SessionQuery
{
    /// <summary>Only this target's sessions.</summary>
    public string? Target { get; init; }

    /// <summary>Only sessions pushed for this branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Only sessions of commits whose sha starts with this (a full sha or an abbreviation).</summary>
    public string? Commit { get; init; }

    /// <summary>Only sessions of these commits (full shas).</summary>
    public IReadOnlyCollection<string>? Commits { get; init; }

    /// <summary>Only sessions recorded on hosts with this fingerprint.</summary>
    public string? Host { get; init; }

    /// <summary>Only sessions started at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }
}
