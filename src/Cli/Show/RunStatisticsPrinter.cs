using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Metrics;
using RustScope.Core.Model;
using RustScope.Core.Statistics;
using static System.FormattableString;

namespace RustScope.Cli.Show;

/// <summary>
/// The spread over <c>runs[]</c> of the metrics the gate compares, as hyperfine prints it: mean ± σ, min … max and the
/// number of runs, for the process figures, the slowest functions' medians and the benchmarks' medians.
/// </summary>
internal static class RunStatisticsPrinter
{
    public static void Print(ProfileSession session, TextWriter output, int top)
    {
        // Taken from the gate's own extraction, so show prints the very samples a comparison judges.
        var perRun = SessionMetrics.Extract(session).Where(m => m.Value.Source == "runs").ToList();
        if (perRun.Count == 0)
        {
            return;
        }

        var functionMedians = perRun
            .Where(m => MetricCatalog.P50.Is(m.Key.Kind, m.Key.Metric))
            .OrderByDescending(m => m.Value.Values.Average())
            .Take(top);
        var benchmarkMedians = perRun
            .Where(m => MetricCatalog.Median.Is(m.Key.Kind, m.Key.Metric))
            .OrderBy(m => m.Key.Subject, StringComparer.Ordinal);
        var table = new TextTable(("metric", TextTable.Left), ("mean ± σ", TextTable.Right), ("min … max", TextTable.Right), ("runs", TextTable.Right));
        foreach (var (key, series) in perRun.Where(m => m.Key.Kind == MetricKind.Process).Concat(functionMedians).Concat(benchmarkMedians))
        {
            var spread = Welford.Of(series.Values);
            table.Add(
                key.Subject is null ? key.Metric : $"{NameCell.Of(key.Subject, NameCell.FunctionWidth)} {key.Metric}",
                $"{NumberText.Value(spread.Mean, series.Unit)} ± {NumberText.Value(spread.StandardDeviation, series.Unit)}",
                $"{NumberText.Value(series.Values.Min(), series.Unit)} … {NumberText.Value(series.Values.Max(), series.Unit)}",
                series.Values.Count.ToString(CultureInfo.InvariantCulture));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"Runs: {session.Runs.Count} measured"));
        table.Write(output);
    }
}
