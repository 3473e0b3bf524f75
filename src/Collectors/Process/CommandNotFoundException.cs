namespace RustScope.Collectors.Process;

/// <summary>The command to profile does not exist, is not executable, or the kernel refused to run it.</summary>
internal sealed class CommandNotFoundException : Exception
{
    public CommandNotFoundException(string command)
        : base($"command not found or not executable: '{command}'")
    {
        Command = command;
    }

    /// <summary>The program exists but could not be started (no shebang and not a binary, permission denied).</summary>
    public CommandNotFoundException(string command, string reason, Exception innerException)
        : base($"cannot start '{command}': {reason}", innerException)
    {
        Command = command;
    }

    public string Command { get; }
}
