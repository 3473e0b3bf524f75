namespace RustScope.Core.IO;

/// <summary>
/// The one rule that turns a target's name into a file name (sessions, reports): ASCII letters, digits, '-', '_' and
/// '.' are kept, anything else becomes '_', so every file system takes it and no name reaches another directory.
/// Compiled into the MSBuild task too, which must name the files the CLI writes the same way.
/// </summary>
public static class SafeFileName
{
    /// <summary><paramref name="name"/> with every other character replaced by '_': <c>Größe/ü</c> → <c>Gr__e__</c>.</summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Select(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
    }
}
