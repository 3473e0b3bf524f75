namespace WebService;

/// <summary>The service's own routes, mapped by Program.cs and by benchmarks/EndpointPipeline (which compiles this file).</summary>
internal static class ServiceRoutes
{
    /// <summary>Maps <c>GET /hello</c> (trivial), <c>GET /work/primes</c> (CPU) and <c>GET /work/orders</c> (allocations).</summary>
    public static void MapServiceRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/hello", static () => "hello");
        app.MapGet("/work/primes", static (int? n) => Workload.CountPrimes(n ?? 20_000));
        app.MapGet("/work/orders", static (int? n) => Workload.BuildOrders(n ?? 200));
    }
}
