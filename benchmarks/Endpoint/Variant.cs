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

    /// <summary>The variants a comma-separated list of places in <see cref="All"/> names (all of them when it is empty).</summary>
    public static IReadOnlyList<Variant> Select(string? places) =>
        string.IsNullOrWhiteSpace(places)
            ? All
            : [.. places.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(static p => All[int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)])];
}
