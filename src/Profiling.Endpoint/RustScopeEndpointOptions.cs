namespace RustScope.Profiling.Endpoint;

/// <summary>How the profiling routes are served: where, to whom, and how long a CPU profile may run.</summary>
public sealed class RustScopeEndpointOptions
{
    /// <summary>The routes' prefix: <c>/pprof</c> serves <c>/pprof/profile</c>, <c>/pprof/allocs</c>, <c>/pprof/heap</c> and <c>/pprof/conf</c>.</summary>
    public string RoutePrefix { get; set; } = "/pprof";

    /// <summary>
    /// A bearer token every request must present (<c>Authorization: Bearer TOKEN</c>, compared in constant time); requests
    /// without it get 401. Required by <see cref="RustScopeEndpoint.Start"/> on a non-loopback address. Defaults to the
    /// <c>RUSTSCOPE_ENDPOINT_TOKEN</c> environment variable.
    /// </summary>
    public string? Token { get; set; } = Environment.GetEnvironmentVariable("RUSTSCOPE_ENDPOINT_TOKEN") is { Length: > 0 } token ? token : null;

    /// <summary>
    /// An ASP.NET Core authorization policy the routes require (<c>MapRustScopeProfiling</c> only). Without it or a
    /// <see cref="Token"/>, the routes answer only clients on the loopback interface.
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>
    /// Where <see cref="RustScopeEndpoint.Start"/> listens, <c>HOST:PORT</c> (port 0 picks a free one). Defaults to the
    /// <c>RUSTSCOPE_ENDPOINT</c> environment variable, else <c>127.0.0.1:6060</c>.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>The longest CPU profile <c>?seconds=N</c> may ask for; longer requests get 400.</summary>
    public int MaxSeconds { get; set; } = 300;

    /// <summary>
    /// Whether allocation sampling runs from the start. Defaults to the <c>RUSTSCOPE_PROF</c> environment variable
    /// (<c>active</c> or <c>inactive</c>), else inactive; <c>POST /pprof/conf?prof.active:true</c> switches it at run time.
    /// </summary>
    public bool? AllocationSamplingActive { get; set; }
}
