using System.Globalization;
using RustScope.Core.Comparison;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Json;
using RustScope.Reporters.Markdown;
using RustScope.Reporters.MSBuild;
using RustScope.Tests.Shared;

namespace RustScope.Reporters.Tests;

/// <summary>Every format over the same fixed result with hostile names; the approved files are the contract.</summary>
public sealed class ReporterApprovalTests
{
    private static readonly string[] FormatNames = [.. ReportFormat.All.Select(static f => f.Name)];

    public static TheoryData<string> Formats() => [.. FormatNames];

    // Cultures whose numbers differ from the invariant one: a decimal comma, U+2212 as the minus sign, a dotless i.
    public static TheoryData<string, string> FormatsAndCultures()
    {
        var data = new TheoryData<string, string>();
        foreach (var format in FormatNames)
        {
            foreach (var culture in Hostile.Keys)
            {
                data.Add(format, culture);
            }
        }

        return data;
    }

    // What each culture does differently, checked so a machine without ICU data cannot pass the test vacuously.
    private static readonly Dictionary<string, string> Hostile = new() { ["de-DE"] = "1,5 -1 i", ["sv-SE"] = "1,5 \u22121 i", ["tr-TR"] = "1,5 -1 ı" };

    private static string Probe(CultureInfo culture) => $"{1.5.ToString(culture)} {(-1).ToString(culture)} {"I".ToLower(culture)}";

    // Fixed where the real reporter reads the clock or the machine name, so the approved file stays stable.
    internal static IComparisonReporter Reporter(string format) => format switch
    {
        "junit" => new JUnitReporter(timestamp: new DateTimeOffset(2026, 11, 23, 7, 0, 59, TimeSpan.Zero), hostname: "ci-runner-1"),
        "console" => new ConsoleReporter(colors: false),
        "github" => new GitHubReporter(),
        "msbuild" => new MSBuildReporter(),
        _ => ReporterCatalog.ForFile(ReportFormat.FindFile(format) ?? throw new ArgumentOutOfRangeException(nameof(format), format, "not a report format"), FailOn.Regressed),
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
    public void Output_matches_the_approved_file(string format)
    {
        var reporter = Reporter(format);

        Approver.Verify(Render(reporter, Samples.Result()), format, reporter.Format.Extension);
    }

    [Theory]
    [MemberData(nameof(FormatsAndCultures))]
    public void Output_does_not_depend_on_the_current_culture(string format, string culture)
    {
        var invariant = Render(Reporter(format), Samples.Result());
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(Hostile[culture], Probe(CultureInfo.CurrentCulture));
            Assert.Equal(invariant, Render(Reporter(format), Samples.Result()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Infinite_changes_read_as_infinity_not_as_a_number(string format)
    {
        var text = Render(Reporter(format), Samples.WithInfiniteChange());

        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        if (format != "json")
        {
            Assert.Contains("∞", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_report_file_is_replaced_whole_and_leaves_no_temporary_file(string format)
    {
        var reporter = Reporter(format);
        var directory = Directory.CreateTempSubdirectory("rustscope-report-").FullName;
        var path = Path.Combine(directory, $"report.{reporter.Format.Extension}");
        File.WriteAllText(path, new string('x', 100_000));
        try
        {
            reporter.WriteFile(Samples.Result(), path);

            Assert.Equal(Render(reporter, Samples.Result()), File.ReadAllText(path));
            Assert.Equal([path], Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
