using System.IO.Compression;
using System.Xml.Linq;

namespace RustScope.MSBuild.Tests.Packaging;

/// <summary>A package's manifest and file list, read from the .nupkg (a zip) as NuGet clients read it.</summary>
internal sealed class NuSpec
{
    private readonly XElement _metadata;

    private NuSpec(XElement metadata, IReadOnlyList<string> files)
    {
        _metadata = metadata;
        Files = files;
    }

    public IReadOnlyList<string> Files { get; }

    public static NuSpec Read(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var manifest = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = manifest.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        return new NuSpec(metadata, [.. zip.Entries.Select(e => e.FullName)]);
    }

    public string? Value(string element) => Element(element)?.Value;

    public string? Attribute(string element, string attribute) => Element(element)?.Attribute(attribute)?.Value;

    private XElement? Element(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);
}
