namespace RustScope.Collectors.Process;

/// <summary>How to start the profiled command: no shell, arguments kept exactly as given.</summary>
internal sealed class LaunchSpec
{
    public LaunchSpec(string fileName, IReadOnlyList<string> arguments)
    {
        FileName = fileName;
        Arguments = arguments;
    }

    /// <summary>The program, as typed or resolved from PATH.</summary>
    public string FileName { get; }

    /// <summary>The arguments, each passed as one argv entry.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Extra environment variables for the child (collectors add theirs here).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Run right before the spawn, on the spawning thread (a collector that must know the target is starting).</summary>
    public IList<Action> BeforeSpawn { get; } = [];

    /// <summary>Run right after the spawn with the new pid, before anything else looks at it.</summary>
    public IList<Action<int>> AfterSpawn { get; } = [];

    /// <summary>Working directory of the child; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }
}
