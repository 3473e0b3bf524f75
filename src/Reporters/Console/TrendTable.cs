using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Core.Statistics.ChangePoints;
using Spectre.Console;

namespace RustScope.Reporters.Console;

/// <summary>
/// A metric's history as a terminal table: one row per commit, the first commit of each new level marked with the
/// step, its interval and p-value, then one line per change point. Commits and names come from the store and are
/// neutralised (no escape sequences reach the terminal) and escaped for Spectre's markup.
/// </summary>
public static class TrendTable
{
    /// <summary>Renders <paramref name="trend"/> on a console the caller configured (colours, width).</summary>
    public static void Write(MetricTrend trend, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(console);
        var heading = trend.Target is null ? trend.Metric : $"{trend.Metric} ({trend.Target})";
        console.MarkupLine($"[bold]{Safe(heading)}[/]: {trend.Points.Count} commits, {trend.ChangePoints.Count} change point{(trend.ChangePoints.Count == 1 ? "" : "s")}");
        var steps = trend.ChangePoints.ToDictionary(static c => c.Index);
        var table = new Table().Border(TableBorder.Ascii).AddColumns("#", "Commit", "Time", "Value", "Runs", "Step", "95 % CI", "p");
        for (var i = 0; i < trend.Points.Count; i++)
        {
            var point = trend.Points[i];
            var step = steps.GetValueOrDefault(i);
            table.AddRow(
                i.ToString(CultureInfo.InvariantCulture),
                Safe(point.Commit),
                point.Time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(NumberText.Value(point.Value, trend.Unit)),
                point.Runs.ToString(CultureInfo.InvariantCulture),
                step is null ? "" : $"[bold]{Markup.Escape(NumberText.Change(step.RelativeChange))}[/]",
                step is null ? "" : Markup.Escape(Interval(step)),
                step is null ? "" : Markup.Escape(NumberText.PValue(step.PValue)));
        }

        console.Write(table);
        foreach (var step in trend.ChangePoints)
        {
            console.MarkupLine(Markup.Escape(Sentence(step, trend.Unit)));
        }
    }

    /// <summary>One change point as a sentence: where the new level starts, the step with its interval, and the p-value.</summary>
    public static string Sentence(ChangePoint step, string unit)
    {
        ArgumentNullException.ThrowIfNull(step);
        return $"step at {TerminalText.Neutralize(step.Commit)}: {NumberText.Value(step.Before, unit)} → {NumberText.Value(step.After, unit)}, "
            + $"{NumberText.Change(step.RelativeChange)} {Interval(step)}, p = {NumberText.PValue(step.PValue)}";
    }

    private static string Interval(ChangePoint step) => $"[{NumberText.Change(step.RelativeChangeLow)}, {NumberText.Change(step.RelativeChangeHigh)}]";

    private static string Safe(string text) => Markup.Escape(TerminalText.Neutralize(text));
}
