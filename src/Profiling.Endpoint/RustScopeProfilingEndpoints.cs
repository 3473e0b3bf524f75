using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RustScope.Profiling.Endpoint.EventPipe;
using RustScope.Profiling.Endpoint.Http;

namespace RustScope.Profiling.Endpoint;

/// <summary>Maps the live profiling routes into an ASP.NET Core app.</summary>
public static class RustScopeProfilingEndpoints
{
    /// <summary>
    /// Maps <c>GET profile</c>, <c>GET allocs</c>, <c>GET heap</c>, <c>GET conf</c> and <c>POST conf</c> under
    /// <see cref="RustScopeEndpointOptions.RoutePrefix"/> (<c>/pprof</c>). The routes go through the app's middleware;
    /// without a token or an authorization policy they answer only loopback clients.
    /// </summary>
    /// <param name="endpoints">The app or a route group.</param>
    /// <param name="options">The prefix, token, policy and limits; the defaults when null.</param>
    /// <returns>The routes' group, for further conventions (hosts, rate limits, another policy).</returns>
    public static IEndpointConventionBuilder MapRustScopeProfiling(this IEndpointRouteBuilder endpoints, RustScopeEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        options ??= new RustScopeEndpointOptions();
        var profiler = ProcessProfiler.Shared;
        profiler.ApplyStartState(options.AllocationSamplingActive);
        var routes = new ProfilingRoutes(profiler, options);
        var access = new EndpointAccess(options.Token, options.AuthorizationPolicy is not null);

        var group = endpoints.MapGroup(options.RoutePrefix);
        group.MapGet("/profile", Guard(access, routes.ProfileAsync));
        group.MapGet("/allocs", Guard(access, routes.AllocsAsync));
        group.MapGet("/heap", Guard(access, routes.HeapAsync));
        group.MapGet("/conf", Guard(access, routes.ConfAsync));
        group.MapPost("/conf", Guard(access, routes.SetConfAsync));
        if (options.AuthorizationPolicy is { } policy)
        {
            group.RequireAuthorization(policy);
        }

        return group;
    }

    private static RequestDelegate Guard(EndpointAccess access, RequestDelegate handler) => async context =>
    {
        if (access.Refusal(context) is { } reason)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Plain.WriteAsync(context, StatusCodes.Status401Unauthorized, reason).ConfigureAwait(false);
            return;
        }

        await handler(context).ConfigureAwait(false);
    };
}
