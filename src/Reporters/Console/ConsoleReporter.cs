using RustScope.Core.Diagnostics;
using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Formatting;
using Spectre.Console;

namespace RustScope.Reporters.Console;

/// <summary>
/// The verdicts as a terminal table: coloured on a terminal, plain in logs and pipes or under NO_COLOR. Names are
/// neutralised (no escape sequences reach the terminal) and escaped for Spectre's markup.
/// </summary>
public sealed class ConsoleReporter(bool colors, FailOn failOn = FailOn.Regressed) : ComparisonReporter(ReportFormat.Console)
{
    // Wide enough for a long function name beside the statistic and the numbers; fixed so that logs look the same on
    // every runner.
    private const int Width = 200;

    // The most metric rows (and reason lines) the table shows.
    private const int MaxRows = 200;

    // Longer than any note: a capped name and a capped reason with RustScope's own words around them.
    private const int NoteWidth = TextCap.Name + (2 * TextCap.Line);

    /// <summary>Colours only on an interactive terminal and without NO_COLOR (https://no-color.org).</summary>
    public static bool ShouldUseColors(bool outputRedirected, string? noColor) => !outputRedirected && string.IsNullOrEmpty(noColor);

    /// <inheritdoc/>
    public override void Write(ComparisonResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,

            // Spectre's CI enrichers would switch ANSI back on (GitHub Actions); the caller has decided.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = Width;
        Write(result, console);
    }

    /// <summary>Renders <paramref name="result"/> on a console the caller configured (colours, width).</summary>
    public void Write(ComparisonResult result, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        result = CappedResult.Of(result);
        var tally = VerdictTally.Of(result);
        var colour = tally.Fails(failOn) ? "red" : tally[Verdict.Inconclusive] > 0 ? "yellow" : "green";
        console.MarkupLine($"[bold {colour}]RustScope: gate {Markup.Escape(GateHeadline.Describe(tally, failOn))}[/] — {Markup.Escape(VerdictCounts.Describe(tally))}");
        if (result.Sequential is { } sequential)
        {
            console.MarkupLine(Markup.Escape(SequentialText.Describe(sequential)));
        }

        var table = new Table().Border(colors ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumns("Verdict", "Target", "Metric", "Statistic", "Baseline", "Head", "Change", "CI", "p (adj.)", "Budget at");
        // A terminal is read, not searched: the worst rows (each target's metrics come worst first) up to a bound, so
        // that 90 000 metrics cost what 200 do; the files written beside (--json, --markdown, --junit) keep them all.
        var rows = result.Targets.SelectMany(t => t.Metrics.Select(m => (Target: t, Metric: m)));
        foreach (var (target, metric) in rows.Take(MaxRows))
        {
            table.AddRow(
                $"[{Colour(metric.Verdict)}]{Markup.Escape(MetricText.Verdict(metric.Verdict))}[/]",
                Safe(target.Name),
                Safe(MetricText.Subject(metric)),
                Markup.Escape(StatisticText.Of(metric)),
                Markup.Escape(NumberText.Value(metric.BaselineValue, metric.Unit)),
                Markup.Escape(NumberText.Value(metric.HeadValue, metric.Unit)),
                Markup.Escape(NumberText.Change(metric.Change)),
                Markup.Escape(NumberText.Interval(metric)),
                Markup.Escape(NumberText.PValue(metric.AdjustedPValue)),
                Safe(metric.BudgetLocation?.ToString() ?? "–"));
        }

        console.Write(table);
        Omitted(console, result.Targets.Sum(static t => t.Metrics.Count) - MaxRows, "metrics");

        // The reasons are sentences, too long for a column: each follows the table on one line of its own, never
        // wrapped (their texts are capped), so no part of a name from data can begin a line of a CI log. Only those shown
        // are kept; the rest are counted.
        var (reasons, reasonCount) = (new List<MetricComparison>(), 0);
        foreach (var target in result.Targets)
        {
            foreach (var metric in target.Metrics)
            {
                if (metric.Reason is null || metric.Verdict is Verdict.Regressed or Verdict.Improved)
                {
                    continue;
                }

                if (++reasonCount <= MaxRows)
                {
                    reasons.Add(metric);
                }
            }
        }

        var width = console.Profile.Width;
        console.Profile.Width = NoteWidth;
        try
        {
            foreach (var metric in reasons)
            {
                console.MarkupLine($"[{Colour(metric.Verdict)}]{Safe(MetricText.Sentence(metric))}[/]");
            }

            Omitted(console, reasonCount - MaxRows, "reasons");
            foreach (var warning in result.Warnings)
            {
                console.MarkupLine($"[yellow]warning:[/] {Safe(warning)}");
            }
        }
        finally
        {
            console.Profile.Width = width;
        }
    }

    private static void Omitted(IAnsiConsole console, int count, string what)
    {
        if (count > 0)
        {
            console.MarkupLine(Markup.Escape(FormattableString.Invariant($"… {count} more {what} not shown here; the JSON report (--json) has them all.")));
        }
    }

    private static string Safe(string text) => Markup.Escape(TerminalText.Neutralize(text));

    private static string Colour(Verdict verdict) => verdict switch
    {
        Verdict.Regressed or Verdict.BudgetExceeded or Verdict.Invalid => "red",
        Verdict.Inconclusive or Verdict.Missing or Verdict.EnvironmentChanged => "yellow",
        Verdict.Improved => "green",
        _ => "default",
    };
}
