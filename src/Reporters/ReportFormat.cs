namespace RustScope.Reporters;

/// <summary>
/// The report formats, each once: the name the command line and the MSBuild task spell, and the suffix of a report
/// named after its target (<c>checkout.junit.xml</c>). Free of dependencies, so the MSBuild task compiles it in.
/// </summary>
/// <param name="Name">The name as options and the task's formats spell it: <c>markdown</c>, <c>junit</c>…</param>
/// <param name="Suffix">What follows the target's name in a report's file name, with its leading dot.</param>
/// <param name="Title">What the report is, for option help.</param>
public sealed record ReportFormat(string Name, string Suffix, string Title)
{
    /// <summary>The pull-request comment.</summary>
    public static ReportFormat Markdown { get; } = new("markdown", ".md", "the Markdown report (a PR comment)");

    /// <summary>Test results a CI server shows.</summary>
    public static ReportFormat JUnit { get; } = new("junit", ".junit.xml", "a JUnit XML report");

    /// <summary>The comparison as JSON.</summary>
    public static ReportFormat Json { get; } = new("json", ".comparison.json", "the comparison as JSON");

    /// <summary>The table on the terminal.</summary>
    public static ReportFormat Console { get; } = new("console", ".txt", "the console table");

    /// <summary>GitHub Actions workflow commands (annotations).</summary>
    public static ReportFormat GitHub { get; } = new("github", ".github.txt", "GitHub Actions annotations");

    /// <summary>MSBuild canonical diagnostics.</summary>
    public static ReportFormat MSBuild { get; } = new("msbuild", ".log", "MSBuild canonical diagnostics");

    /// <summary>The formats a gate writes to files (<c>--markdown FILE</c>, the task's <c>ReportFormats</c>).</summary>
    public static IReadOnlyList<ReportFormat> Files { get; } = [Markdown, JUnit, Json];

    /// <summary>Every format, files first.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } = [.. Files, Console, GitHub, MSBuild];

    /// <summary>The file extension without its dot: the last part of <see cref="Suffix"/>.</summary>
    public string Extension => Suffix[(Suffix.LastIndexOf('.') + 1)..];

    /// <summary>The file format named <paramref name="name"/> (any case), or null.</summary>
    public static ReportFormat? FindFile(string name) =>
        Files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
