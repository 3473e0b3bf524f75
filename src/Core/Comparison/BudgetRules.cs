using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Layers what the budget file says about a metric: the metric's own rule, then its group (process or the most
/// specific name pattern), then the target, then the defaults — command-line overrides replacing the defaults.
/// </summary>
internal sealed class BudgetRules(BudgetFile? file, TargetBudget? target, ComparisonOptions options)
{
    public TargetBudget? Target => target;

    public double Alpha => options.Alpha ?? target?.Alpha ?? file?.Defaults.Alpha ?? 0.01;

    public ResolvedRule Resolve(MetricKey key, MetricSeries series)
    {
        var group = key.Kind switch
        {
            MetricKind.Process => target?.Process,
            MetricKind.Function => target is null ? null : PatternRuleSet.MostSpecific(target.Functions, key.Subject!),
            _ => target is null ? null : PatternRuleSet.MostSpecific(target.Benchmarks, key.Subject!),
        };
        var rule = group?.Metrics.GetValueOrDefault(key.Metric);
        var thresholdRule = rule?.Regression ?? group?.Regression ?? target?.Threshold ?? (options.Threshold is null ? file?.Defaults.Threshold : null);
        var threshold = thresholdRule?.For(series.QuantityKind, series.UnitScale) is { } written && (written.Relative is not null || written.Absolute is not null)
            ? written
            : options.Threshold ?? RegressionThreshold.Default;
        SourceLocation? location = rule?.Location ?? thresholdRule?.Location ?? group?.Location;
        return new ResolvedRule(threshold, rule?.Budget / series.UnitScale, group?.LowerIsBetter ?? true, location);
    }

    /// <summary>The target the sessions are judged under: named, named like the project, or the only one.</summary>
    public static TargetBudget? SelectTarget(BudgetFile? file, string? name, string project, ICollection<string> warnings)
    {
        if (file is null)
        {
            return null;
        }

        if (name is not null)
        {
            return file.Targets.FirstOrDefault(t => t.Name == name)
                ?? throw new InputException(new Diagnostic(file.Path, null, null, DiagnosticCodes.BudgetUnknownTarget,
                    $"no target '{name}' in the budget file (targets: {string.Join(", ", file.Targets.Select(t => t.Name))})"));
        }

        if (file.Targets.FirstOrDefault(t => t.Name == project) is { } byProject)
        {
            return byProject;
        }

        if (file.Targets.Count == 1)
        {
            return file.Targets[0];
        }

        warnings.Add($"no target of {file.Path} is named '{project}'; only its defaults apply (pass --target NAME)");
        return null;
    }
}
