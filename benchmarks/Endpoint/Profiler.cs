namespace RustScope.Benchmarks.Endpoint;

/// <summary>What profiles the service while its load is measured.</summary>
internal enum Profiler
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The service's own endpoint: GET /pprof/profile for longer than the load runs.</summary>
    Endpoint,

    /// <summary>dotnet-trace attached to the service (its default profile), for longer than the load runs.</summary>
    DotnetTrace,
}
