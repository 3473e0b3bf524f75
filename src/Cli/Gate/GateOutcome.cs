using RustScope.Core.Comparison;

namespace RustScope.Cli.Gate;

/// <summary>What a gate decided.</summary>
/// <param name="Result">The verdicts; null when the input was unusable.</param>
/// <param name="ExitCode">0 passed, 1 failed, 2 input error.</param>
/// <param name="Reports">The report files written.</param>
internal sealed record GateOutcome(ComparisonResult? Result, int ExitCode, IReadOnlyList<string> Reports);
