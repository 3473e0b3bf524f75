using RustScope.Core.Tests.Formats;
using RustScope.Profiling.Endpoint.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary><c>GET /pprof/profile</c> on a console worker that serves the routes with <c>RustScopeEndpoint.Start</c>.</summary>
public sealed class CpuProfileTests
{
    [GoFact]
    public async Task A_two_second_profile_names_the_hot_method_first_in_go_tool_pprof()
    {
        using var worker = EndpointProcess.Worker(null, "hot");

        using var response = await worker.Http.GetAsync(new Uri("pprof/profile?seconds=2", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var top = PprofTop.Functions(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("BurnCpu", top[0], StringComparison.Ordinal);
    }
}
