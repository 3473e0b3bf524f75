using System.Text.Json;
using RustScope.Core.IO;
using RustScope.Core.Statistics.ChangePoints;
using RustScope.Reporters.Json;

namespace RustScope.Reporters.Html;

/// <summary>
/// The offline trend page: one self-contained HTML file with, per metric, a line chart of its value over commits with
/// the change points marked, and a table of them (first commit of the new level, size with interval, p-value). The
/// same report page (src/Viewer) as <see cref="HtmlReport"/>; it loads nothing from the network.
/// </summary>
public static class TrendReport
{
    /// <summary>Writes the page into the file <paramref name="path"/>, replacing it atomically.</summary>
    /// <param name="path">The HTML file to write.</param>
    /// <param name="trends">The metrics shown, each with its series (oldest commit first) and change points.</param>
    /// <param name="title">What the page is titled, after "RustScope — ".</param>
    public static void WriteFile(string path, IReadOnlyList<MetricTrend> trends, string title)
    {
        using var file = AtomicFile.Begin(path);
        Write(trends, title, file.Stream);
        file.Commit();
    }

    /// <summary>Writes the page's HTML, UTF-8 encoded, to <paramref name="output"/>.</summary>
    /// <param name="trends">The metrics shown, each with its series (oldest commit first) and change points.</param>
    /// <param name="title">What the page is titled, after "RustScope — ".</param>
    /// <param name="output">Where the HTML goes.</param>
    public static void Write(IReadOnlyList<MetricTrend> trends, string title, Stream output)
    {
        ArgumentNullException.ThrowIfNull(trends);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(output);
        ReportPage.Write(output, title, Payload(trends, title));
    }

    /// <summary><c>{title, trends}</c> as compact JSON (snake_case, non-finite numbers as null) with no <c>&lt;</c> left.</summary>
    internal static byte[] Payload(IReadOnlyList<MetricTrend> trends, string title) =>
        ReportPage.EscapeLessThan(JsonSerializer.SerializeToUtf8Bytes(new TrendPayload(title, trends), TrendJsonContext.Default.TrendPayload));
}
