using System.Net;
using RustScope.Core.Model;
using RustScope.Core.Tests.Formats;
using RustScope.Profiling.Endpoint.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary><c>GET /pprof/allocs</c> and the run-time switch <c>POST /pprof/conf?prof.active:true|false</c>.</summary>
public sealed class AllocationProfileTests
{
    private static readonly Dictionary<string, string> ActiveAtStart = new() { ["RUSTSCOPE_PROF"] = "active" };

    [GoFact]
    public async Task Allocs_names_the_allocating_method_and_the_allocated_type()
    {
        using var worker = EndpointProcess.Worker(ActiveAtStart, "alloc");
        await WaitForSitesAsync(worker);

        var top = PprofTop.Functions(await worker.Http.GetByteArrayAsync(new Uri("pprof/allocs", UriKind.Relative)), "-cum");
        var folded = await worker.Http.GetStringAsync(new Uri("pprof/allocs?format=collapsed", UriKind.Relative));

        Assert.Contains(top, name => name.Contains("AllocateLedgerEntry", StringComparison.Ordinal));
        Assert.Contains(top, name => name.Contains("EndpointWorker.LedgerEntry", StringComparison.Ordinal));
        Assert.Contains(folded.Split('\n'), line => line.Contains("AllocateLedgerEntry", StringComparison.Ordinal) && line.Contains("EndpointWorker.LedgerEntry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Switching_prof_active_off_stops_new_allocation_samples()
    {
        using var worker = EndpointProcess.Worker(null, "alloc");
        Assert.Equal("prof.active:false", (await worker.Http.GetStringAsync(new Uri("pprof/conf", UriKind.Relative))).Trim());

        using var on = await worker.Http.PostAsync(new Uri("pprof/conf?prof.active:true", UriKind.Relative), null);
        Assert.Equal("prof.active:true", (await on.Content.ReadAsStringAsync()).Trim());
        await WaitForSitesAsync(worker);
        using var off = await worker.Http.PostAsync(new Uri("pprof/conf?prof.active:false", UriKind.Relative), null);
        Assert.Equal("prof.active:false", (await off.Content.ReadAsStringAsync()).Trim());

        var atSwitch = await SampledAsync(worker);
        // The worker keeps allocating meanwhile; with sampling off none of it may be counted.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var later = await SampledAsync(worker);

        Assert.True(atSwitch > 0);
        Assert.Equal(atSwitch, later);
    }

    [Fact]
    public async Task Allocs_while_sampling_was_never_on_is_an_empty_profile_that_says_how_to_switch_it_on()
    {
        using var worker = EndpointProcess.Worker(null, "alloc");

        var session = SessionJson.Parse(await worker.Http.GetByteArrayAsync(new Uri("pprof/allocs?format=session", UriKind.Relative)), "allocs");

        Assert.Empty(session.Allocations);
        Assert.Contains(session.Warnings, w => w.Contains("POST /pprof/conf?prof.active:true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conf_rejects_a_query_without_a_setting()
    {
        using var worker = EndpointProcess.Worker();

        using var response = await worker.Http.PostAsync(new Uri("pprof/conf?prof.active:maybe", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<long> SampledAsync(EndpointProcess worker)
    {
        var session = SessionJson.Parse(await worker.Http.GetByteArrayAsync(new Uri("pprof/allocs?format=session", UriKind.Relative)), "allocs");
        return session.Allocations.Where(static s => s.Type.Contains("LedgerEntry", StringComparison.Ordinal)).Sum(static s => s.Count);
    }

    // Sampling takes about one sample per 100 KB; each snapshot also names what it saw. Asks until the worker's sites show.
    private static async Task WaitForSitesAsync(EndpointProcess worker)
    {
        for (var attempt = 0; attempt < 60 && await SampledAsync(worker) == 0; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
