using System.Text;

namespace RustScope.Reporters.Html;

/// <summary>
/// The report page built from src/Viewer (viewer.js and viewer.css), embedded in this assembly by the build
/// (RustScope.Reporters.csproj runs npm).
/// </summary>
internal static class ViewerBundle
{
    private static readonly Lazy<byte[]> LazyJs = new(() => Load("RustScope.Viewer.js", "</script"));
    private static readonly Lazy<byte[]> LazyCss = new(() => Load("RustScope.Viewer.css", "</style"));

    /// <summary>viewer.js, UTF-8.</summary>
    public static ReadOnlySpan<byte> Js => LazyJs.Value;

    /// <summary>viewer.css, UTF-8.</summary>
    public static ReadOnlySpan<byte> Css => LazyCss.Value;

    // Inlined into an element, the bundle must not contain that element's end tag (esbuild escapes it in strings).
    private static byte[] Load(string name, string endTag)
    {
        using var stream = typeof(ViewerBundle).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the report page {name} is not embedded in RustScope.Reporters; build src/Viewer (npm run build)");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        if (Encoding.UTF8.GetString(bytes).Contains(endTag, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the report page {name} contains {endTag}, which would end its element early");
        }

        return bytes;
    }
}
