using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>Which verdicts fail the gate: the one rule every report, exit code and MSBuild error follows.</summary>
public static class GateRule
{
    /// <summary>
    /// True for a regression, an exceeded budget and invalid data (a gate that cannot read head's figures must not pass
    /// it), and for Inconclusive too under <see cref="FailOn.Inconclusive"/>.
    /// </summary>
    public static bool Fails(this FailOn failOn, Verdict verdict) =>
        verdict is Verdict.Regressed or Verdict.BudgetExceeded or Verdict.Invalid || (failOn == FailOn.Inconclusive && verdict == Verdict.Inconclusive);
}
