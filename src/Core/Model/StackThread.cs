namespace RustScope.Core.Model;

/// <summary>A thread that <see cref="StackSample.Tid"/> refers to, with its name.</summary>
public sealed record StackThread
{
    /// <summary>The process the thread belongs to.</summary>
    public required int Pid { get; init; }

    /// <summary>The kernel's thread id.</summary>
    public required int Tid { get; init; }

    /// <summary>The thread's name (the runtime's name for a .NET thread, else <c>/proc/PID/task/TID/comm</c>); null when unnamed.</summary>
    public string? Name { get; init; }
}
