using RustScope.Collectors.Process.Native;
using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>
/// What <c>--isolate</c> applies: the measures that lowered the spread of calibrate's A/A runs on a shared Linux
/// runner (docs/statistics.md, "--isolate", <c>benchmarks/Noise/run.sh</c>). Pinning to one CPU lowered the spread of
/// CPU seconds but raised that of a .NET program's wall time (its runtime's threads then share one core), so it is
/// applied only when asked for with <c>--isolate-cpus</c>.
/// </summary>
internal static class IsolationPolicy
{
    /// <summary>The runtime settings for a .NET command: fixed, not adaptive, code generation from run to run.</summary>
    public static IReadOnlyDictionary<string, string> RuntimeSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Dynamic PGO recompiles hot methods from what the first calls happened to see: each run can end up with other code.
        ["DOTNET_TieredPGO"] = "0",
    };

    /// <summary>The CPUs rustscope itself may run on, and so may pin a command to.</summary>
    public static IReadOnlyList<int> AllowedCpus => Affinity.OfCallingThread();

    /// <param name="cpus">The CPUs to pin the command's tree to (a subset of <see cref="AllowedCpus"/>); empty leaves it unpinned.</param>
    public static Isolation Create(IReadOnlyList<int> cpus) => new() { Cpus = cpus, Environment = RuntimeSettings };
}
