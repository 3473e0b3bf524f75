using RustScope.Core.Metrics;
using RustScope.Core.Statistics;

namespace RustScope.Core.Comparison;

/// <summary>
/// Under <see cref="EnvironmentDrift"/>, a process wall-time verdict is the code's only when the process's CPU
/// seconds, which a busier machine does not move, agree with it: Regressed (or Improved) wall time with cpu_time not
/// Regressed (resp. Improved) becomes <see cref="Verdict.EnvironmentChanged"/>, which does not fail the gate.
/// Per-function timings are left as they are: their changes are reported with the drift warning beside them, and a
/// function's CPU time is not measured to check them against.
/// </summary>
internal static class EnvironmentChangedRule
{
    public static IEnumerable<MetricComparison> Apply(IReadOnlyList<MetricComparison> metrics, EnvironmentDrift? drift)
    {
        var cpuTime = metrics.FirstOrDefault(static m => MetricCatalog.CpuTime.Is(m.Kind, m.Metric));
        return metrics.Select(metric => drift is not null && MetricCatalog.WallTime.Is(metric.Kind, metric.Metric)
            && metric.Verdict is Verdict.Regressed or Verdict.Improved && cpuTime?.Verdict != metric.Verdict
            ? metric with { Verdict = Verdict.EnvironmentChanged, Reason = Reason(metric, cpuTime, drift) }
            : metric);
    }

    private static string Reason(MetricComparison wallTime, MetricComparison? cpuTime, EnvironmentDrift drift)
    {
        var regressed = wallTime.Verdict == Verdict.Regressed;
        var cpu = cpuTime is null || cpuTime.Verdict is Verdict.New or Verdict.Missing
            ? $"{MetricCatalog.CpuTime.Name} was not measured on both sides"
            : $"{MetricCatalog.CpuTime.Name} did not {(regressed ? "regress" : "improve")} ({NumberText.Change(cpuTime.Change)})";
        return $"{NumberText.Change(wallTime.Change)} ({(regressed ? "slower" : "faster")}), but the machine changed ({drift.Figures}) and {cpu}: the change is not attributed to the code";
    }
}
