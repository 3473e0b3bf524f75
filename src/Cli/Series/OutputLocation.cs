namespace RustScope.Cli.Series;

/// <summary>
/// Checks that a file can be written where the user asked, before any work is done: a profiled run that only fails
/// when its session is saved has wasted the run.
/// </summary>
internal static class OutputLocation
{
    /// <summary>Why <paramref name="path"/> cannot be written, or null when a file can be created beside it.</summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return $"cannot write '{path}': it is a directory";
        }

        try
        {
            // The same directory the atomic writer puts its temporary file in, created the same way.
            var directory = Path.GetDirectoryName(path) ?? ".";
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write '{path}': {e.Message}";
        }
    }
}
