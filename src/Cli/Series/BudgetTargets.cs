using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;

namespace RustScope.Cli.Series;

/// <summary>The targets of a budget file that bench, gate and calibrate run.</summary>
internal static class BudgetTargets
{
    /// <summary>All targets, or the ones named; each must have a command.</summary>
    /// <exception cref="InputException">No such target, or a target without a command (at its line).</exception>
    public static IReadOnlyList<TargetBudget> Select(BudgetFile file, IReadOnlyCollection<string> names)
    {
        if (file.Targets.Count == 0)
        {
            throw new InputException(new Diagnostic(file.Path, 1, 1, DiagnosticCodes.BudgetUnknownTarget, "the budget file has no targets"));
        }

        if (names.FirstOrDefault(name => file.Targets.All(t => t.Name != name)) is { } unknown)
        {
            throw new InputException(new Diagnostic(file.Path, 1, 1, DiagnosticCodes.BudgetUnknownTarget,
                $"no target '{unknown}' in the budget file (targets: {string.Join(", ", file.Targets.Select(t => t.Name))})"));
        }

        var targets = names.Count == 0 ? file.Targets : [.. file.Targets.Where(t => names.Contains(t.Name))];
        var withoutCommand = targets.Where(t => t.Command.Count == 0).Select(t =>
            new Diagnostic(t.Location.File, t.Location.Line, t.Location.Column, DiagnosticCodes.BudgetMissingKey, $"target '{t.Name}' has no 'command' to run")).ToList();
        return withoutCommand.Count == 0 ? targets : throw new InputException(withoutCommand);
    }
}
