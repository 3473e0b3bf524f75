namespace RustScope.Core.IO;

/// <summary>What a path names on Linux, as far as replacing it with a new file is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing: the path can be created.</summary>
    Missing,

    /// <summary>A regular file: replaced atomically.</summary>
    Regular,

    /// <summary>A character device or a FIFO (/dev/null, /dev/stdout's target, a named pipe): written through, never replaced.</summary>
    Stream,

    /// <summary>A directory, socket or block device: never written.</summary>
    Other,
}
