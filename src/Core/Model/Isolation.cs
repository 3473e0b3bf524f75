namespace RustScope.Core.Model;

/// <summary>
/// What <c>--isolate</c> did to the profiled command to lower its run-to-run noise: the CPUs its tree was pinned to and
/// the environment variables set for it alone (rustscope's own runtime is left as it was).
/// </summary>
public sealed record Isolation
{
    /// <summary>The CPUs the tree was allowed to run on (inherited by every process it started); empty when not pinned.</summary>
    public IReadOnlyList<int> Cpus { get => field ?? []; init; }

    /// <summary>Environment variables set for the command, such as <c>DOTNET_TieredPGO=0</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get => field ?? new Dictionary<string, string>(); init; }
}
