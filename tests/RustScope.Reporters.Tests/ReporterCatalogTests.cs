using RustScope.Core.Comparison;
using RustScope.Core.Diagnostics;
using RustScope.Reporters.Markdown;

namespace RustScope.Reporters.Tests;

public sealed class ReporterCatalogTests
{
    [Fact]
    public void Every_format_is_found_by_its_name()
    {
        Assert.Equal(["markdown", "junit", "json", "console", "github", "msbuild"], ReporterCatalog.Names);
        Assert.All(ReporterCatalog.Names, name => Assert.Equal(name, ReporterCatalog.Create(name, new ReporterSettings()).Name));
        Assert.IsType<MarkdownReporter>(ReporterCatalog.Create("Markdown", new ReporterSettings()));
    }

    [Fact]
    public void The_settings_reach_the_reporter()
    {
        var strict = ReporterCatalog.Create("markdown", new ReporterSettings { FailOn = FailOn.Inconclusive });

        Assert.Contains("❌ inconclusive", ReporterApprovalTests.Render(strict, Samples.Result()), StringComparison.Ordinal);
        Assert.Contains("\u001b[", ReporterApprovalTests.Render(ReporterCatalog.Create("console", new ReporterSettings { Colors = true }), Samples.Result()), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_an_input_error_listing_the_formats()
    {
        var error = Assert.Throws<InputException>(() => ReporterCatalog.Create("html", new ReporterSettings()));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownReportFormat, diagnostic.Code);
        Assert.Equal("unknown report format 'html'; the formats are markdown, junit, json, console, github, msbuild", diagnostic.Message);
    }
}
