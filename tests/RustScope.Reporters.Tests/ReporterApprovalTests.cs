using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Json;
using RustScope.Reporters.Markdown;
using RustScope.Reporters.MSBuild;

namespace RustScope.Reporters.Tests;

/// <summary>Every format over the same fixed result with hostile names; the approved files are the contract.</summary>
public sealed class ReporterApprovalTests
{
    public static TheoryData<string, string> Formats() => new()
    {
        { "markdown", "md" },
        { "junit", "xml" },
        { "console", "txt" },
        { "json", "json" },
        { "github", "txt" },
        { "msbuild", "txt" },
    };

    internal static IComparisonReporter Reporter(string format) => format switch
    {
        "markdown" => new MarkdownReporter(),
        "junit" => new JUnitReporter(),
        "console" => new ConsoleReporter(colors: false),
        "json" => new JsonReporter(),
        "github" => new GitHubReporter(),
        _ => new MSBuildReporter(),
    };

    internal static string Render(IComparisonReporter reporter, ComparisonResult result)
    {
        using var output = new Utf8StringWriter { NewLine = "\n" };
        reporter.Write(result, output);
        return output.ToString();
    }

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        // Reports are files in UTF-8; the XML declaration says so.
        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_matches_the_approved_file(string format, string extension)
    {
        Approver.Verify(Render(Reporter(format), Samples.Result()), format, extension);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Output_does_not_depend_on_the_current_culture(string format, string extension)
    {
        _ = extension;
        var invariant = Render(Reporter(format), Samples.Result());
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            Assert.Equal(invariant, Render(Reporter(format), Samples.Result()));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }
}
