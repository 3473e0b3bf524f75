using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Gate;

/// <summary>What <see cref="Gatekeeper"/> judges: the heads with their baselines, and how to judge and report them.</summary>
internal sealed record GateRequest
{
    /// <summary>One subject per target; several are judged together and reported as one.</summary>
    public required IReadOnlyList<GateSubject> Subjects { get; init; }

    /// <summary>Budget, statistics, failing verdicts and report files.</summary>
    public required GateSettings Settings { get; init; }

    /// <summary>Found before judging (a Debug build, say): printed already, and kept in every report.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>How the user creates a missing baseline, for the warning that there is none.</summary>
    public string CreateBaseline { get; init; } = "the same command with --update-baseline";
}
