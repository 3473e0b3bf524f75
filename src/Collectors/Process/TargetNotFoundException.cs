namespace RustScope.Collectors.Process;

/// <summary>The process to attach to does not exist.</summary>
internal sealed class TargetNotFoundException(int pid) : Exception($"no process with pid {pid}")
{
    public int Pid { get; } = pid;
}
