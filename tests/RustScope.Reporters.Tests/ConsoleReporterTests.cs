using RustScope.Reporters.Console;

namespace RustScope.Reporters.Tests;

public sealed class ConsoleReporterTests
{
    [Fact]
    public void Colours_only_when_asked_and_never_passes_a_name_s_escapes_through()
    {
        var plain = ReporterApprovalTests.Render(new ConsoleReporter(colors: false), Samples.Result());
        var coloured = ReporterApprovalTests.Render(new ConsoleReporter(colors: true), Samples.Result());

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[", coloured, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31m*", coloured, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', coloured);
        Assert.Contains("Shop.<script>alert(1)</script>|`rm -rf`]]>\uFFFD[", coloured, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "1", false)]
    [InlineData(true, null, false)]
    public void Colours_need_a_terminal_and_no_NO_COLOR(bool redirected, string? noColor, bool colours)
    {
        Assert.Equal(colours, ConsoleReporter.ShouldUseColors(redirected, noColor));
    }

    [Fact]
    public void Spectre_markup_in_a_name_is_printed_not_interpreted()
    {
        var result = Samples.Result() with { Targets = [Samples.Result().Targets[0] with { Name = "[red]x[/]" }] };

        var text = ReporterApprovalTests.Render(new ConsoleReporter(colors: true), result);

        Assert.Contains("[red]x[/]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_of_thousands_of_metrics_shows_the_worst_200_and_says_how_many_more_there_are()
    {
        var sample = Samples.Result();
        var target = sample.Targets[0];
        var many = Enumerable.Range(0, 1_000).Select(i => target.Metrics[3] with { Subject = $"Shop.F{i:D4}" });
        var result = sample with { Targets = [target with { Metrics = [.. target.Metrics, .. many] }] };

        var text = ReporterApprovalTests.Render(new ConsoleReporter(colors: false), result);

        // The sample's own metrics come first (a long name wraps onto more lines), then the added ones up to the bound.
        var added = text.Split('\n').Count(line => line.Contains("| Shop.F", StringComparison.Ordinal));
        Assert.Equal(200 - target.Metrics.Count, added);
        Assert.Contains($"… {result.AllMetrics.Count() - 200} more metrics not shown here", text, StringComparison.Ordinal);
        Assert.Contains("more reasons not shown here", text, StringComparison.Ordinal);
    }
}
