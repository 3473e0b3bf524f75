using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using NJsonSchema;
using RustScope.Core.Comparison;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Json;

namespace RustScope.Reporters.Tests;

public sealed class StructuredReporterTests
{
    [Theory]
    [InlineData(FailOn.Regressed, 3, 3)]
    [InlineData(FailOn.Inconclusive, 4, 2)]
    public void JUnit_validates_against_the_Ant_schema_with_failures_and_skips(FailOn failOn, int failures, int skipped)
    {
        var xml = ReporterApprovalTests.Render(new JUnitReporter(failOn), Samples.Result());
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "junit-ant.xsd"));
        var problems = new List<string>();

        var document = XDocument.Parse(xml);
        document.Validate(schemas, (_, e) => problems.Add(e.Message));

        Assert.Empty(problems);
        var suite = Assert.Single(document.Root!.Elements("testsuite"));
        Assert.Equal((failures, skipped), ((int)suite.Attribute("failures")!, (int)suite.Attribute("skipped")!));
        Assert.Equal(failures, suite.Descendants("failure").Count());
        Assert.DoesNotContain('\u0001', xml);
        Assert.DoesNotContain('\u001b', xml);
    }

    [Fact]
    public async Task Json_follows_the_published_schema_and_round_trips_the_verdicts()
    {
        var json = ReporterApprovalTests.Render(new JsonReporter(), Samples.Result());
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "comparison.v1.schema.json"));

        Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
        Assert.Contains("\"verdict\": \"budget_exceeded\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("all_metrics", json, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_annotations_point_at_the_budget_line_and_escape_their_data()
    {
        var lines = ReporterApprovalTests.Render(new GitHubReporter(), Samples.Result()).Split('\n');

        Assert.StartsWith("::error file=rustscope.yml,line=12,col=7,title=RustScope checkout%3A wall_time regressed::wall_time regressed +30.0 %", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("::warning title=RustScope checkout%3A Shop.Cart.Add mean inconclusive::", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain('\r', l));
        Assert.Contains(lines, l => l.Contains("&lt;", StringComparison.Ordinal) is false && l.Contains("%0Anext", StringComparison.Ordinal));
    }

    [Fact]
    public void GitHub_escaping_follows_the_workflow_command_rules()
    {
        Assert.Equal("100%25 done%0D%0Anext: a, b", GitHubReporter.Data("100% done\r\nnext: a, b"));
        Assert.Equal("a%3A b%2C c%25", GitHubReporter.Property("a: b, c%"));
        Assert.True(GitHubReporter.IsEnabled(requested: false, githubActions: "true"));
        Assert.False(GitHubReporter.IsEnabled(requested: false, githubActions: null));
    }

    [Fact]
    public void The_step_summary_gets_the_markdown_appended()
    {
        var summary = Path.GetTempFileName();
        File.WriteAllText(summary, "earlier step\n");

        GitHubReporter.AppendStepSummary(summary, "## report");

        Assert.Equal("earlier step\n## report\n", File.ReadAllText(summary));
        File.Delete(summary);
    }

    [Fact]
    public void The_console_table_is_coloured_only_on_request_and_never_passes_escapes_through()
    {
        var plain = ReporterApprovalTests.Render(new ConsoleReporter(colors: false), Samples.Result());
        var coloured = ReporterApprovalTests.Render(new ConsoleReporter(colors: true), Samples.Result());

        Assert.DoesNotContain("\u001b[", plain, StringComparison.Ordinal);
        Assert.Contains("\u001b[", coloured, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31m*", coloured, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', coloured);
        Assert.False(ConsoleReporter.ShouldUseColors(outputRedirected: false, noColor: "1"));
        Assert.False(ConsoleReporter.ShouldUseColors(outputRedirected: true, noColor: null));
        Assert.True(ConsoleReporter.ShouldUseColors(outputRedirected: false, noColor: null));
    }

    [Fact]
    public void Report_files_are_written_atomically()
    {
        var directory = Directory.CreateTempSubdirectory("rustscope-report-").FullName;
        var path = Path.Combine(directory, "nested", "report.xml");

        ReportFile.Write(new JUnitReporter(), Samples.Result(), path);

        Assert.StartsWith("<?xml", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        Directory.Delete(directory, recursive: true);
    }
}
