using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RustScope.Core.Comparison;
using RustScope.Core.Statistics;
using RustScope.Reporters.Console;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Json;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests.Verdicts;

/// <summary>One comparison rendered in Markdown, console, JUnit and JSON, read back row by row.</summary>
internal sealed partial class RenderedReports
{
    public RenderedReports(ComparisonResult result)
    {
        Markdown = ReporterApprovalTests.Render(new MarkdownReporter(), result);
        Console = ReporterApprovalTests.Render(new ConsoleReporter(colors: false), result);
        JUnit = ReporterApprovalTests.Render(new JUnitReporter(timestamp: DateTimeOffset.UnixEpoch, hostname: "test"), result);
        Json = ReporterApprovalTests.Render(new JsonReporter(), result);
        FromJson = JsonSerializer.Deserialize(Json, ComparisonJsonContext.Default.ComparisonResult)!;
    }

    public string Markdown { get; }

    public string Console { get; }

    public string JUnit { get; }

    public string Json { get; }

    /// <summary>The result as a reader of the JSON report gets it.</summary>
    public ComparisonResult FromJson { get; }

    /// <summary>The cells of the Markdown table row of <paramref name="subject"/>, the leading verdict cell first.</summary>
    public IReadOnlyList<string> MarkdownRow(string subject) => Assert.Single(
        from line in Markdown.Split('\n')
        where line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| | ", StringComparison.Ordinal)
        let cells = line[2..^2].Split(" | ")
        where cells[2].Replace("`", "", StringComparison.Ordinal) == subject
        select cells);

    /// <summary>The cells of the console table row of <paramref name="subject"/>, wrapped lines joined, spaces collapsed.</summary>
    public IReadOnlyList<string> ConsoleRow(string subject)
    {
        var rows = new List<List<string>>();
        foreach (var line in Console.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Verdict ", StringComparison.Ordinal)))
        {
            var cells = line[1..^1].Split('|').Select(c => c.Trim()).ToList();
            if (cells[0].Length > 0)
            {
                rows.Add(cells);
            }
            else
            {
                // A continuation line of the row above: Spectre wrapped some of its cells.
                rows[^1] = [.. rows[^1].Zip(cells, (above, more) => more.Length == 0 ? above : $"{above} {more}")];
            }
        }

        return Assert.Single(rows, r => r[2] == subject);
    }

    /// <summary>The console text with every run of white space one space, so wrapped sentences read whole.</summary>
    public string ConsoleFlat => Flat(Console);

    /// <summary>The message (failure or skipped text, if any) and the figures of the JUnit test case of <paramref name="subject"/>.</summary>
    public (string? Message, string Details) JUnitCase(string subject)
    {
        var testCase = Assert.Single(XDocument.Parse(JUnit).Descendants("testcase"), t => (string?)t.Attribute("name") == subject);
        var failure = testCase.Element("failure");
        var message = (string?)failure?.Attribute("message") ?? testCase.Element("skipped")?.Value;
        return (message, failure?.Value ?? testCase.Element("system-out")!.Value);
    }

    public static string Flat(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
