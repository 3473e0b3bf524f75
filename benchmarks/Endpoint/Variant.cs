namespace RustScope.Benchmarks.Endpoint;

/// <summary>One way to run the service: its environment, and what profiles it while it is measured.</summary>
internal sealed record Variant(string Name, IReadOnlyDictionary<string, string> Environment, Profiler Profiler)
{
    public static IReadOnlyList<Variant> All { get; } =
    [
        new("endpoint not mapped", new Dictionary<string, string> { ["RUSTSCOPE_MAP"] = "0" }, Profiler.None),
        new("mapped, inactive", new Dictionary<string, string>(), Profiler.None),
        new("mapped, CPU profile in progress", new Dictionary<string, string>(), Profiler.Endpoint),
        new("mapped, allocation sampling active", new Dictionary<string, string> { ["RUSTSCOPE_PROF"] = "active" }, Profiler.None),
        new("not mapped, dotnet-trace attached", new Dictionary<string, string> { ["RUSTSCOPE_MAP"] = "0" }, Profiler.DotnetTrace),
    ];
}
