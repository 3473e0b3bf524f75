namespace RustScope.Core.IO;

/// <summary>
/// A temporary file that becomes the target file on <see cref="Commit"/>. A symbolic link is followed, so the file it
/// points to is replaced and the link kept; a character device or FIFO (<c>/dev/null</c>, a named pipe) is written
/// through instead, never replaced by a regular file; a directory or socket is refused.
/// </summary>
public sealed class AtomicFileWriter : IDisposable
{
    private readonly string _targetPath;
    private readonly string? _tempPath;
    private bool _committed;

    internal AtomicFileWriter(string targetPath)
    {
        var directory = Path.GetDirectoryName(targetPath) ?? ".";
        Directory.CreateDirectory(directory);
        var resolved = new FileInfo(targetPath).LinkTarget is null ? targetPath : File.ResolveLinkTarget(targetPath, returnFinalTarget: true)!.FullName;
        _targetPath = resolved;
        switch (FileKinds.Of(resolved))
        {
            case FileKind.Stream:
                Stream = new FileStream(resolved, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 64 * 1024);
                return;
            case FileKind.Other:
                throw new IOException($"{targetPath} is not a regular file (a directory, socket or block device); nothing was written");
        }

        directory = Path.GetDirectoryName(resolved) ?? ".";
        Directory.CreateDirectory(directory);
        // Same directory as the target: rename is only atomic within one file system.
        _tempPath = Path.Combine(directory, $".{Path.GetFileName(resolved)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    /// <summary>The stream to write the new content to.</summary>
    public FileStream Stream { get; }

    /// <summary>Flushes the content to disk and renames it over the target (or, for a device or FIFO, flushes it there).</summary>
    public void Commit()
    {
        // A device cannot be synced (fsync on /dev/null fails): its data is handed over, which is all it takes.
        Stream.Flush(flushToDisk: _tempPath is not null);
        Stream.Dispose();
        if (_tempPath is not null)
        {
            File.Move(_tempPath, _targetPath, overwrite: true);
        }

        _committed = true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            // On a full disk the buffered rest fails to flush here again: the temporary file must go all the same.
            Stream.Dispose();
        }
        catch (IOException) when (!_committed)
        {
            // The write already failed and that failure is on its way to the caller.
        }
        finally
        {
            if (!_committed && _tempPath is not null)
            {
                File.Delete(_tempPath);
            }
        }
    }
}
