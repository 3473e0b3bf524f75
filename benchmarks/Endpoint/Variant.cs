namespace RustScope.Benchmarks.Endpoint;

/// <summary>One way to run the service: its environment, and whether a CPU profile runs while it is measured.</summary>
internal sealed record Variant(string Name, IReadOnlyDictionary<string, string> Environment, bool CpuProfileDuringLoad)
{
    public static IReadOnlyList<Variant> All { get; } =
    [
        new("endpoint not mapped", new Dictionary<string, string> { ["RUSTSCOPE_MAP"] = "0" }, false),
        new("mapped, inactive", new Dictionary<string, string>(), false),
        new("mapped, CPU profile in progress", new Dictionary<string, string>(), true),
        new("mapped, allocation sampling active", new Dictionary<string, string> { ["RUSTSCOPE_PROF"] = "active" }, false),
    ];
}
