using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using RustScope.Profiling.Endpoint;
using WebService;

// RUSTSCOPE_MAP=0 leaves the endpoint out (the benchmark's baseline); otherwise /pprof is mapped, loopback only.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapServiceRoutes();
if (Environment.GetEnvironmentVariable("RUSTSCOPE_MAP") is not "0")
{
    app.MapRustScopeProfiling();
}

await app.StartAsync();
// The address goes to stdout so a test or a script started with --urls http://127.0.0.1:0 knows where to connect.
Console.WriteLine($"listening {app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()}");
await app.WaitForShutdownAsync();
