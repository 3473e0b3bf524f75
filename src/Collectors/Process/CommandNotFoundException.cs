namespace RustScope.Collectors.Process;

/// <summary>The command to profile does not exist or is not executable.</summary>
internal sealed class CommandNotFoundException(string command)
    : Exception($"command not found or not executable: '{command}'")
{
    public string Command { get; } = command;
}
