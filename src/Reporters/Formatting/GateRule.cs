using RustScope.Core.Comparison;

namespace RustScope.Reporters.Formatting;

/// <summary>Which single verdicts fail the gate: the per-metric form of <see cref="ComparisonResult.Failed"/>.</summary>
internal static class GateRule
{
    public static bool Fails(this FailOn failOn, Verdict verdict) =>
        verdict is Verdict.Regressed or Verdict.BudgetExceeded || (failOn == FailOn.Inconclusive && verdict == Verdict.Inconclusive);
}
