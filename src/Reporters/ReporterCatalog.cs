using RustScope.Core.Diagnostics;
using RustScope.Reporters.Console;
using RustScope.Reporters.GitHub;
using RustScope.Reporters.JUnit;
using RustScope.Reporters.Json;
using RustScope.Reporters.Markdown;
using RustScope.Reporters.MSBuild;

namespace RustScope.Reporters;

/// <summary>Every report format by name, so the command line can select reporters without knowing their classes.</summary>
public static class ReporterCatalog
{
    private static readonly (string Name, Func<ReporterSettings, IComparisonReporter> Create)[] Formats =
    [
        (MarkdownReporter.FormatName, s => new MarkdownReporter(s.FailOn)),
        (JUnitReporter.FormatName, s => new JUnitReporter(s.FailOn)),
        (JsonReporter.FormatName, _ => new JsonReporter()),
        (ConsoleReporter.FormatName, s => new ConsoleReporter(s.Colors, s.FailOn)),
        (GitHubReporter.FormatName, s => new GitHubReporter(s.FailOn)),
        (MSBuildReporter.FormatName, s => new MSBuildReporter(s.FailOn)),
    ];

    /// <summary>The format names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Formats.Select(f => f.Name)];

    /// <summary>Creates the reporter named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="InputException">No format has that name.</exception>
    public static IComparisonReporter Create(string name, ReporterSettings settings) =>
        Formats.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).Create is { } create
            ? create(settings)
            : throw new InputException(new Diagnostic("--format", null, null, DiagnosticCodes.UnknownReportFormat,
                $"unknown report format '{name}'; the formats are {string.Join(", ", Names)}"));
}
