namespace RustScope.Cli.Gate;

/// <summary>One command <c>rustscope gate</c> profiles and judges: the one of <c>--command</c>, or a budget target's.</summary>
/// <param name="Name">The session's project, or null to name it after the command.</param>
/// <param name="Command">The program and its arguments.</param>
/// <param name="Target">The budget target it is judged under, or null for the options' own.</param>
/// <param name="OwnRuns">A budget target's own runs, or null.</param>
/// <param name="BaselinePath">Where its baseline is kept (as the user wrote it), or null for budgets only.</param>
/// <param name="SessionPath">Where its head session goes.</param>
internal sealed record GateJob(string? Name, IReadOnlyList<string> Command, string? Target, int? OwnRuns, string? BaselinePath, string SessionPath);
