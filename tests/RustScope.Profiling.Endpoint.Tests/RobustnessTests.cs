using System.Net;
using System.Net.Http.Headers;
using RustScope.Profiling.Endpoint.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary>Who may read profiles, one CPU profile at a time, and a process whose diagnostics are off.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task Beyond_loopback_a_request_without_the_token_gets_401_and_with_it_the_data()
    {
        using var worker = EndpointProcess.Worker(new Dictionary<string, string> { ["RUSTSCOPE_ENDPOINT"] = "0.0.0.0:0", ["RUSTSCOPE_ENDPOINT_TOKEN"] = "s3cret-token" });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{worker.Address.Port}/") };

        using var anonymous = await http.GetAsync(new Uri("pprof/conf", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("pprof/conf", UriKind.Relative)) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-tokeN") } };
        using var wrongAnswer = await http.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri("pprof/conf", UriKind.Relative)) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token") } };
        using var rightAnswer = await http.SendAsync(right);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("prof.active", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightAnswer.StatusCode);
        Assert.Equal("prof.active:false", (await rightAnswer.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public void Beyond_loopback_without_a_token_the_endpoint_does_not_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EndpointProcess.Worker(new Dictionary<string, string> { ["RUSTSCOPE_ENDPOINT"] = "0.0.0.0:0" }));

        Assert.Contains("did not start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_profile_while_one_runs_gets_409_and_a_departed_client_frees_the_profiler()
    {
        using var worker = EndpointProcess.Worker(null, "hot");
        using var departing = new CancellationTokenSource();
        Task<HttpResponseMessage> Long() => worker.Http.GetAsync(new Uri("pprof/profile?seconds=60", UriKind.Relative), departing.Token);
        var first = Long();

        // Which request reaches the profiler first is up to the machine: a probe that got there first runs (200), and a
        // long request that came during it got 409 itself and is sent again. Ask until a probe meets the long profile.
        HttpStatusCode second;
        var attempts = 0;
        while (true)
        {
            using var response = await worker.Http.GetAsync(new Uri("pprof/profile?seconds=1", UriKind.Relative));
            second = response.StatusCode;
            if (second == HttpStatusCode.Conflict)
            {
                Assert.Contains("already", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                break;
            }

            if (++attempts == 20)
            {
                break;
            }

            if (first.IsCompleted)
            {
                (await first).Dispose();
                first = Long();
            }
        }

        await departing.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        // The 60-second profile ends with its client (once its session has stopped): a new one is served within the
        // 30 s of asking again, long before the first would have ended.
        HttpStatusCode after;
        attempts = 0;
        while (true)
        {
            using var response = await worker.Http.GetAsync(new Uri("pprof/profile?seconds=1", UriKind.Relative));
            after = response.StatusCode;
            if (after != HttpStatusCode.Conflict || ++attempts == 60)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("301")]
    [InlineData("two")]
    public async Task Seconds_outside_the_bound_get_400(string seconds)
    {
        using var worker = EndpointProcess.Worker();

        using var response = await worker.Http.GetAsync(new Uri($"pprof/profile?seconds={seconds}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from 1 to 300", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_diagnostics_off_the_profile_answers_503_with_the_reason_and_the_rest_keeps_serving()
    {
        using var worker = EndpointProcess.Worker(new Dictionary<string, string> { ["DOTNET_EnableDiagnostics"] = "0" });

        using var profile = await worker.Http.GetAsync(new Uri("pprof/profile?seconds=1", UriKind.Relative));
        using var conf = await worker.Http.GetAsync(new Uri("pprof/conf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, profile.StatusCode);
        Assert.Contains("DOTNET_EnableDiagnostics=0", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, conf.StatusCode);
    }
}
