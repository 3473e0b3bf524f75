using RustScope.Reporters.Console;
using RustScope.Reporters.Tests.Html;
using Spectre.Console;

namespace RustScope.Reporters.Tests;

public sealed class TrendTableTests
{
    [Fact]
    public void Every_commit_is_a_row_and_the_step_is_marked_on_its_first_commit()
    {
        var text = Render(TrendReportTests.Trend(target: "checkout"));

        Assert.Contains("wall_time (checkout): 12 commits, 1 change point", text, StringComparison.Ordinal);
        var row = Assert.Single(text.Split('\n'), static l => l.Contains("0123456789abcdef", StringComparison.Ordinal) && l.Contains('|'));
        Assert.Contains("+5.0 %", row, StringComparison.Ordinal);
        Assert.Contains("[+3.0 %, +7.1 %]", row, StringComparison.Ordinal);
        Assert.Contains("0.005", row, StringComparison.Ordinal);
        Assert.Contains("step at 0123456789abcdef: 100.5 ms → 105.5 ms, +5.0 % [+3.0 %, +7.1 %], p = 0.005", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commit_with_escapes_or_markup_reaches_the_terminal_inert()
    {
        var text = Render(TrendReportTests.Trend(commit: "[red]x[/]\u001b]0;pwned\u0007"));

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("[red]x[/]", text, StringComparison.Ordinal);
    }

    private static string Render(Core.Statistics.ChangePoints.MetricTrend trend)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = 200;
        TrendTable.Write(trend, console);
        return output.ToString();
    }
}
