using System.IO.Compression;

namespace RustScope.MSBuild.Tests.Packaging;

/// <summary>A file inside a package, read into memory: a PEReader needs a seekable stream, which a zip entry is not.</summary>
internal static class PackageEntry
{
    public static MemoryStream Buffer(ZipArchiveEntry entry)
    {
        var memory = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(memory);
        }

        memory.Position = 0;
        return memory;
    }
}
