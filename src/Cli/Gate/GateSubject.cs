using RustScope.Core.Model;

namespace RustScope.Cli.Gate;

/// <summary>One head session and what it is judged against.</summary>
/// <param name="Head">The session to judge.</param>
/// <param name="HeadName">Where head is, as reports name it.</param>
internal sealed record GateSubject(ProfileSession Head, string HeadName)
{
    /// <summary>The budget target to judge under, when it is not the one the options name.</summary>
    public string? Target { get; init; }

    /// <summary>The baseline to compare with; null when there is none yet (or it is being replaced).</summary>
    public ProfileSession? Baseline { get; init; }

    /// <summary>
    /// Where the baseline is kept, as the user wrote it: named in the reports, the subject of the missing-baseline
    /// warning when <see cref="Baseline"/> is null, and written with head when <see cref="UpdateBaseline"/>.
    /// </summary>
    public string? BaselinePath { get; init; }

    /// <summary>Write head to <see cref="BaselinePath"/> instead of comparing with it; budgets are still checked.</summary>
    public bool UpdateBaseline { get; init; }
}
