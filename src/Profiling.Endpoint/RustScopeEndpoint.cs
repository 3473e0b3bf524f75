using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using RustScope.Profiling.Endpoint.Http;

namespace RustScope.Profiling.Endpoint;

/// <summary>
/// The profiling routes on a small server of their own, for a process that is not an ASP.NET Core app (a worker, a console
/// program): Kestrel on its own threads, on loopback unless told otherwise. Dispose stops it.
/// </summary>
public sealed class RustScopeEndpoint : IDisposable
{
    private readonly WebApplication _app;

    private RustScopeEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:6060/</c> (the port it took when asked for port 0).</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts serving the routes at <see cref="RustScopeEndpointOptions.Address"/>, else <c>RUSTSCOPE_ENDPOINT</c>,
    /// else <c>127.0.0.1:6060</c>.
    /// </summary>
    /// <param name="options">Address, token and limits; the defaults when null.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="ArgumentException">The address is not <c>HOST:PORT</c>.</exception>
    /// <exception cref="InvalidOperationException">The address is not loopback and no token is set.</exception>
    /// <exception cref="IOException">The address could not be bound.</exception>
    public static RustScopeEndpoint Start(RustScopeEndpointOptions? options = null)
    {
        options ??= new RustScopeEndpointOptions();
        var text = options.Address ?? (Environment.GetEnvironmentVariable("RUSTSCOPE_ENDPOINT") is { Length: > 0 } variable ? variable : ListenAddress.Default);
        var endpoint = ListenAddress.Parse(text);
        if (!IPAddress.IsLoopback(endpoint.Address) && options.Token is null)
        {
            throw new InvalidOperationException(
                $"the profiling endpoint would listen on {endpoint}, beyond loopback, without a token: set RustScopeEndpointOptions.Token or RUSTSCOPE_ENDPOINT_TOKEN");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(endpoint);
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapRustScopeProfiling(options);
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{endpoint}";
        return new RustScopeEndpoint(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <summary>Stops the server; a profile in progress ends with its connection.</summary>
    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
