using RustScope.Profiling.Endpoint;
using WebService;

namespace RustScope.Benchmarks.EndpointPipeline;

/// <summary>
/// examples/WebService without a server: its routes, the profiling endpoint when asked for, and the request delegate the
/// host would run for every request, called directly with a fresh context (no sockets, no Kestrel, no hosting layer).
/// </summary>
internal sealed class ServicePipeline : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestDelegate _pipeline;
    private readonly IServiceScopeFactory _scopes;

    private ServicePipeline(WebApplication app)
    {
        _app = app;
        _pipeline = ((IApplicationBuilder)app).Build();
        _scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
    }

    /// <summary>Builds the app as examples/WebService/Program.cs does, with or without <c>MapRustScopeProfiling()</c>.</summary>
    public static ServicePipeline Build(bool mapProfiling)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        // A started host wraps the app's middleware in routing; the pipeline built here has to add it itself.
        app.UseRouting();
        app.MapServiceRoutes();
        if (mapProfiling)
        {
            app.MapRustScopeProfiling();
        }

        app.UseEndpoints(static _ => { });
        return new ServicePipeline(app);
    }

    /// <summary>Serves one GET of <paramref name="path"/> and <paramref name="query"/> into <paramref name="body"/>, in its own service scope as the host would.</summary>
    public async Task<HttpResponse> GetAsync(PathString path, QueryString query, Stream body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Request.QueryString = query;
        context.Response.Body = body;
        await using var scope = _scopes.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        await _pipeline(context).ConfigureAwait(false);
        return context.Response;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
