using System.Text.Encodings.Web;
using System.Text.Json;
using RustScope.Core.Comparison;
using RustScope.Core.IO;
using RustScope.Core.Model;
using RustScope.Reporters.Json;

namespace RustScope.Reporters.Html;

/// <summary>
/// The offline HTML report: one self-contained file with the report page (src/Viewer) and the sessions it shows, for a
/// flamegraph of one session or the differential report of a baseline and a head. It loads nothing from the network.
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// Above this many bytes of JSON the payload is embedded gzip-compressed and base64-encoded: sampled stacks compress
    /// several times over, and browsers inflate them natively (<c>DecompressionStream</c>).
    /// </summary>
    public const int CompressAbove = ReportPage.CompressAbove;

    /// <summary>Writes the report into the file <paramref name="path"/>, replacing it atomically.</summary>
    /// <param name="path">The HTML file to write.</param>
    /// <param name="title">What the page is titled, after "RustScope — ".</param>
    /// <param name="baseline">The session shown, or the baseline of a differential report.</param>
    /// <param name="head">The head of a differential report; null for a report of one session.</param>
    /// <param name="comparison">The verdicts to show beside the profiles, as <c>rustscope compare --json</c> writes them.</param>
    public static void WriteFile(string path, string title, ProfileSession baseline, ProfileSession? head = null, ComparisonResult? comparison = null)
    {
        using var file = AtomicFile.Begin(path);
        Write(file.Stream, title, baseline, head, comparison);
        file.Commit();
    }

    /// <summary>Writes the report's HTML, UTF-8 encoded, to <paramref name="output"/>.</summary>
    /// <param name="output">Where the HTML goes.</param>
    /// <param name="title">What the page is titled, after "RustScope — ".</param>
    /// <param name="baseline">The session shown, or the baseline of a differential report.</param>
    /// <param name="head">The head of a differential report; null for a report of one session.</param>
    /// <param name="comparison">The verdicts to show beside the profiles, as <c>rustscope compare --json</c> writes them.</param>
    public static void Write(Stream output, string title, ProfileSession baseline, ProfileSession? head = null, ComparisonResult? comparison = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(baseline);
        ReportPage.Write(output, title, Payload(title, baseline, head, comparison));
    }

    /// <summary><c>{title, base, head, comparison}</c> as compact JSON in which no <c>&lt;</c> is left to end the script element.</summary>
    internal static byte[] Payload(string title, ProfileSession baseline, ProfileSession? head, ComparisonResult? comparison)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            writer.WriteStartObject();
            writer.WriteString("title", title);
            writer.WritePropertyName("base");
            SessionJson.Serialize(writer, baseline);
            writer.WritePropertyName("head");
            if (head is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                SessionJson.Serialize(writer, head);
            }

            writer.WritePropertyName("comparison");
            if (comparison is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                ComparisonJson.Serialize(writer, comparison);
            }

            writer.WriteEndObject();
        }

        return ReportPage.EscapeLessThan(buffer.ToArray());
    }
}
