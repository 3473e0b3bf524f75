using System.Globalization;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics.ChangePoints;

namespace RustScope.Cli.History;

/// <summary>A trend as text: one line per commit, the steps marked where they begin, then the steps in words.</summary>
internal static class TrendTable
{
    public static void Write(MetricTrend trend, TextWriter output)
    {
        var steps = trend.ChangePoints.ToDictionary(static c => c.Index);
        output.WriteLine(TerminalText.Neutralize($"{trend.Metric} ({trend.Unit}) of {trend.Target}, {trend.Points.Count} commit(s)"));
        output.WriteLine("commit        time (UTC)         median           runs");
        for (var i = 0; i < trend.Points.Count; i++)
        {
            var point = trend.Points[i];
            var mark = steps.TryGetValue(i, out var step) ? "  <- step " + Change(step) : "";
            output.WriteLine(TerminalText.Neutralize(string.Create(CultureInfo.InvariantCulture,
                $"{point.Commit[..Math.Min(12, point.Commit.Length)],-12}  {point.Time.UtcDateTime:yyyy-MM-dd HH:mm}  {point.Value,15:G6}  {point.Runs,5}{mark}")));
        }

        output.WriteLine(trend.ChangePoints.Count == 0 ? "no change points" : string.Create(CultureInfo.InvariantCulture, $"{trend.ChangePoints.Count} change point(s):"));
        foreach (var step in trend.ChangePoints)
        {
            output.WriteLine(TerminalText.Neutralize(Describe(trend, step)));
        }
    }

    /// <summary>One step in words: where, from what to what, how much with its interval, how sure.</summary>
    public static string Describe(MetricTrend trend, ChangePoint step) => string.Create(CultureInfo.InvariantCulture,
        $"  {trend.Metric} stepped at {step.Commit[..Math.Min(12, step.Commit.Length)]} (commit {step.Index + 1} of {trend.Points.Count}): {step.Before:G6} -> {step.After:G6} {trend.Unit}, {Change(step)}");

    private static string Change(ChangePoint step) => string.Create(CultureInfo.InvariantCulture,
        $"{step.RelativeChange:+0.0%;-0.0%} [{step.RelativeChangeLow:+0.0%;-0.0%}, {step.RelativeChangeHigh:+0.0%;-0.0%}], p = {step.PValue:0.###}");
}
