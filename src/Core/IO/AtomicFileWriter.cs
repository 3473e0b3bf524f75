namespace RustScope.Core.IO;

/// <summary>A temporary file that becomes the target file on <see cref="Commit"/>.</summary>
public sealed class AtomicFileWriter : IDisposable
{
    private readonly string _targetPath;
    private readonly string _tempPath;
    private bool _committed;

    internal AtomicFileWriter(string targetPath)
    {
        _targetPath = targetPath;
        var directory = Path.GetDirectoryName(targetPath) ?? ".";
        Directory.CreateDirectory(directory);
        // Same directory as the target: rename is only atomic within one file system.
        _tempPath = Path.Combine(directory, $".{Path.GetFileName(targetPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    /// <summary>The stream to write the new content to.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes the content to disk and renames it over the target.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_tempPath, _targetPath, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            File.Delete(_tempPath);
        }
    }
}
