namespace RustScope.Core.Comparison;

/// <summary>Which verdicts fail the gate besides an exceeded budget.</summary>
public enum FailOn
{
    /// <summary>Regressed or BudgetExceeded fail (the default).</summary>
    Regressed,

    /// <summary>Inconclusive fails too: for gates that must prove there is no regression.</summary>
    Inconclusive,
}
