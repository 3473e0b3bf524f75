namespace RustScope.Core.IO;

/// <summary>Writes files so that readers see either the old content or the new, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        using var temp = Begin(path);
        temp.Stream.Write(content);
        temp.Commit();
    }

    /// <summary>Writes text as UTF-8 (no BOM) atomically.</summary>
    public static void WriteAllText(string path, string content) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Opens a temporary file beside <paramref name="path"/>; <see cref="AtomicFileWriter.Commit"/> flushes it to disk and
    /// renames it over the target, disposing without committing deletes it.
    /// </summary>
    public static AtomicFileWriter Begin(string path) => new(Path.GetFullPath(path));
}
