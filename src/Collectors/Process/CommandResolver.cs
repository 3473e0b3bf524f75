namespace RustScope.Collectors.Process;

/// <summary>Finds the program a command names the way execvp would, so a typo is reported before anything starts.</summary>
internal static class CommandResolver
{
    /// <summary>The full path of the executable, or null when there is none.</summary>
    public static string? Resolve(string command, string? pathVariable)
    {
        if (command.Length == 0)
        {
            return null;
        }

        if (command.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutableFile(command) ? Path.GetFullPath(command) : null;
        }

        foreach (var directory in (pathVariable ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, command);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
