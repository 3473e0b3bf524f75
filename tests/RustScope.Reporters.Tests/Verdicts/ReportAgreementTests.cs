using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Escaping;
using RustScope.Reporters.Formatting;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>
/// Over comparisons with every verdict, judged by the real comparer: each row's baseline, head and change are one
/// statistic ((head − base) / base, within the rounding shown), and Markdown, console and JUnit show the numbers and
/// the reason the JSON report carries.
/// </summary>
public sealed class ReportAgreementTests
{
    public static TheoryData<string> Results() => VerdictResults.Names();

    [Fact]
    public void The_comparisons_give_every_verdict_and_every_reason_for_an_inconclusive_one()
    {
        var metrics = VerdictResults.All().Values.SelectMany(r => r.AllMetrics).ToList();

        Assert.Equal(Enum.GetValues<Verdict>().Order(), metrics.Select(m => m.Verdict).Distinct().Order());
        var reasons = metrics.Where(m => m.Verdict == Verdict.Inconclusive).Select(m => m.Reason!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("too few runs: 1 run a side, and a single run shows nothing of the noise", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("too noisy for 10 runs a side: the 90 % interval [", StringComparison.Ordinal) && r.Contains("] reaches across the 5 % threshold; runs vary by ±", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("too few runs to be sure: the 90 % interval [+", StringComparison.Ordinal) && r.Contains("] lies beyond the 5 % threshold, but its adjusted p-value", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("too few runs to be sure: the 90 % interval [-", StringComparison.Ordinal) && r.Contains("] lies inside ± the 5 % threshold, but the equivalence test's p-value", StringComparison.Ordinal));
        Assert.All(reasons.Where(r => !r.StartsWith("too few runs: ", StringComparison.Ordinal)), r => Assert.Matches(@"; runs vary by ±[0-9.]+ %; about \d+ runs a side would decide it$", r));
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void The_change_is_the_change_of_the_baseline_and_head_values_beside_it(string name)
    {
        var reports = new RenderedReports(VerdictResults.All()[name]);

        foreach (var metric in reports.FromJson.AllMetrics)
        {
            var subject = MetricText.Subject(metric);
            if (metric.Change is not { } change)
            {
                Assert.True(metric.ChangeCiLow is null && metric.ChangeCiHigh is null, subject);
                continue;
            }

            var (baseline, head) = (metric.BaselineValue!.Value, metric.HeadValue!.Value);
            Assert.True(Math.Abs(((head - baseline) / baseline) - change) <= 1e-12 * Math.Max(1, Math.Abs(change)), $"{subject}: {baseline} → {head} is not {change}");
            Assert.InRange(change, metric.ChangeCiLow!.Value, metric.ChangeCiHigh ?? double.PositiveInfinity);

            var cells = reports.MarkdownRow(subject);
            AssertRoundedChange(subject, cells[4], cells[5], cells[6]);
        }
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void Markdown_console_and_JUnit_show_the_statistic_numbers_and_reason_of_the_JSON(string name)
    {
        var reports = new RenderedReports(VerdictResults.All()[name]);

        foreach (var metric in reports.FromJson.AllMetrics)
        {
            var subject = MetricText.Subject(metric);
            string[] figures = [StatisticText.Of(metric), NumberText.Value(metric.BaselineValue, metric.Unit), NumberText.Value(metric.HeadValue, metric.Unit), NumberText.Change(metric.Change), NumberText.Interval(metric)];
            var told = metric.Reason is { } reason && metric.Verdict is not (Verdict.Regressed or Verdict.Improved) ? reason : null;

            var markdown = reports.MarkdownRow(subject);
            Assert.Equal(figures, markdown.Skip(3).Take(5));
            Assert.EndsWith(told is null ? MetricText.Verdict(metric.Verdict) : $"{MetricText.Verdict(metric.Verdict)}: {MarkdownText.Escape(told)}", markdown[0], StringComparison.Ordinal);

            var console = reports.ConsoleRow(subject);
            Assert.Equal([MetricText.Verdict(metric.Verdict), .. figures], [console[0], .. console.Skip(3).Take(5)]);
            if (told is not null)
            {
                Assert.Contains(RenderedReports.Flat($"{subject} {MetricText.Verdict(metric.Verdict)}: {told}"), reports.ConsoleFlat, StringComparison.Ordinal);
            }

            var (message, details) = reports.JUnitCase(subject);
            Assert.Contains($"verdict: {MetricText.Verdict(metric.Verdict)}{(metric.Reason is null ? "\n" : $": {metric.Reason}\n")}", details, StringComparison.Ordinal);
            Assert.Contains($"statistic: {figures[0]}, ", details, StringComparison.Ordinal);
            Assert.Contains($"baseline: {figures[1]}, head: {figures[2]}, change: {figures[3]}, ", details, StringComparison.Ordinal);
            Assert.Contains($"CI: {figures[4]}\n", details, StringComparison.Ordinal);
            if (message is not null)
            {
                Assert.Equal(MetricText.Sentence(metric), message);
            }
        }
    }

    // The change shown must be what the rounded values shown give, within what rounding can move the three of them.
    private static void AssertRoundedChange(string subject, string baselineText, string headText, string changeText)
    {
        if (ShownNumber.Parse(baselineText) is not { Value: > 0 } baseline || ShownNumber.Parse(headText) is not { } head || ShownNumber.Parse(changeText) is not { } change)
        {
            return;
        }

        var lowest = ((head.Value - head.Rounding) / (baseline.Value + baseline.Rounding)) - 1 - change.Rounding;
        var highest = ((head.Value + head.Rounding) / (baseline.Value - baseline.Rounding)) - 1 + change.Rounding;
        Assert.True(lowest - 1e-12 <= change.Value && change.Value <= highest + 1e-12, $"{subject}: {baselineText} → {headText} shown as {changeText}");
    }
}
