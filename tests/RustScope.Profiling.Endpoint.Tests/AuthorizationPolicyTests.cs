using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RustScope.Profiling.Endpoint.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary><c>MapRustScopeProfiling</c> behind the app's own authorization policy, under a prefix of its choosing.</summary>
public sealed class AuthorizationPolicyTests
{
    [Fact]
    public async Task The_routes_answer_only_callers_the_apps_policy_admits()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(OpsHeaderAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OpsHeaderAuthentication>(OpsHeaderAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy("ops", static policy => policy.RequireRole("ops"));
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRustScopeProfiling(new RustScopeEndpointOptions { RoutePrefix = "/ops/pprof", AuthorizationPolicy = "ops" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        using var stranger = await http.GetAsync(new Uri("/ops/pprof/conf", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/ops/pprof/conf", UriKind.Relative)) { Headers = { { "X-Ops", "yes" } } };
        using var operatorAnswer = await http.SendAsync(request);
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorAnswer.StatusCode);
        Assert.StartsWith("prof.active:", await operatorAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
