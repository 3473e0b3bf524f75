using System.IO.Compression;
using System.Net;
using System.Text;

namespace RustScope.Reporters.Html;

/// <summary>
/// The single offline page both HTML reports write: the Viewer bundle inlined, the data in a JSON script element the
/// page reads (a profile report's payload or a trend page's, told apart by the page). It loads nothing from the network.
/// </summary>
internal static class ReportPage
{
    /// <summary>Above this many bytes of JSON the data is embedded gzip-compressed and base64-encoded.</summary>
    public const int CompressAbove = 1024 * 1024;

    /// <summary>Writes the page titled "RustScope — <paramref name="title"/>" around <paramref name="json"/>, UTF-8 encoded.</summary>
    /// <param name="output">Where the HTML goes.</param>
    /// <param name="title">The page's title, HTML-encoded here.</param>
    /// <param name="json">Compact JSON without a <c>&lt;</c> (see <see cref="EscapeLessThan"/>).</param>
    public static void Write(Stream output, string title, byte[] json)
    {
        var compressed = json.Length > CompressAbove;
        Append(output, $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RustScope — {WebUtility.HtmlEncode(title)}</title>\n<style>");
        output.Write(ViewerBundle.Css);
        Append(output, $"</style></head>\n<body><script type=\"application/json\" id=\"rustscope-data\" data-encoding=\"{(compressed ? "gzip-base64" : "json")}\">");
        output.Write(compressed ? Gzip(json) : json);
        Append(output, "</script>\n<script>");
        output.Write(ViewerBundle.Js);
        Append(output, "</script></body></html>\n");
    }

    /// <summary>
    /// <paramref name="json"/> with every <c>&lt;</c> written as <c>\u003c</c>, so nothing in the data can end the script
    /// element. The default encoder already does so; this holds whatever encoder a context is given later. In JSON
    /// '&lt;' can only stand inside a string, where \u003c means the same character.
    /// </summary>
    public static byte[] EscapeLessThan(byte[] json)
    {
        var count = json.AsSpan().Count((byte)'<');
        if (count == 0)
        {
            return json;
        }

        var escaped = new byte[json.Length + (count * 5)];
        var at = 0;
        foreach (var b in json)
        {
            if (b == '<')
            {
                "\\u003c"u8.CopyTo(escaped.AsSpan(at));
                at += 6;
            }
            else
            {
                escaped[at++] = b;
            }
        }

        return escaped;
    }

    private static byte[] Gzip(byte[] json)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return Encoding.ASCII.GetBytes(Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length));
    }

    private static void Append(Stream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
