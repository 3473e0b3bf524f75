using System.Globalization;
using RustScope.Core.Budgets;
using RustScope.Core.Diagnostics;
using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Layers what the budget file says about a metric: the metric's own rule, then its group (process or the most
/// specific name pattern), then the target, then the defaults — command-line overrides replacing the defaults.
/// </summary>
internal sealed class BudgetRules
{
    private readonly BudgetFile? _file;
    private readonly TargetBudget? _target;
    private readonly ComparisonOptions _options;

    /// <exception cref="InputException">The alpha override is outside (0, 0.5).</exception>
    public BudgetRules(BudgetFile? file, TargetBudget? target, ComparisonOptions options)
    {
        // The budget file's alpha is checked where it is written; an override from the command line is checked here,
        // before a nonsense level reaches the tests or the comparison JSON (whose schema bounds it).
        if (options.Alpha is { } alpha && !(alpha > 0 && alpha < 0.5))
        {
            throw new InputException(new Diagnostic("--alpha", null, null, DiagnosticCodes.BudgetBadValue,
                string.Create(CultureInfo.InvariantCulture, $"alpha {alpha} is not a significance level; it must be between 0 and 0.5 (exclusive), e.g. 0.01")));
        }

        (_file, _target, _options) = (file, target, options);
    }

    public TargetBudget? Target => _target;

    public double Alpha => _options.Alpha ?? _target?.Alpha ?? _file?.Defaults.Alpha ?? 0.01;

    public MultipleComparisonCorrection Correction => _options.Correction ?? _file?.Defaults.Correction ?? MultipleComparisonCorrection.BenjaminiHochberg;

    /// <summary>Whether a comparison judges the metric at all: compared by default, or given a budget.</summary>
    public static bool Compared(MetricKey key, ResolvedRule rule) => MetricCatalog.Find(key.Kind, key.Metric)?.ComparedByDefault == true || rule.Budget is not null;

    public ResolvedRule Resolve(MetricKey key, MetricSeries series)
    {
        var group = Group(key);
        var rule = group?.Metrics.GetValueOrDefault(key.Metric);
        var thresholdRule = rule?.Regression ?? group?.Regression ?? _target?.Threshold ?? (_options.Threshold is null ? _file?.Defaults.Threshold : null);
        var threshold = thresholdRule?.For(series.QuantityKind, series.UnitScale) is { } written && (written.Relative is not null || written.Absolute is not null)
            ? written
            : _options.Threshold ?? RegressionThreshold.Default;
        var location = rule?.Location ?? thresholdRule?.Location ?? group?.Location;
        // A budget written as a duration cannot bound a benchmark that reports, say, operations per second.
        // Every key is the catalog's: SessionMetrics reads only its metrics and the budget parser admits only its names.
        var definition = MetricCatalog.Of(key.Kind)[key.Metric];
        var budget = definition.Kind == series.QuantityKind ? rule?.Budget / series.UnitScale : null;
        var direction = group?.Direction ?? definition.Direction;
        return new ResolvedRule(threshold, budget, direction == MetricDirection.LowerIsBetter, location, rule is not null || group?.Direction is not null);
    }

    /// <summary>The budget written for <paramref name="key"/> when the session has no value for it, with where it is written.</summary>
    public MetricRule? BudgetOf(MetricKey key) => Group(key)?.Metrics.GetValueOrDefault(key.Metric) is { Budget: not null } rule ? rule : null;

    private RuleSet? Group(MetricKey key) => key.Kind switch
    {
        MetricKind.Process => _target?.Process,
        MetricKind.Function => _target is null ? null : PatternRuleSet.MostSpecific(_target.Functions, key.Subject!),
        _ => _target is null ? null : PatternRuleSet.MostSpecific(_target.Benchmarks, key.Subject!),
    };

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
