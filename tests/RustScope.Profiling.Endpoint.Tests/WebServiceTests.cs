using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.Core.Model;
using RustScope.Profiling.Endpoint.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary>examples/WebService, an ASP.NET Core app with <c>app.MapRustScopeProfiling()</c>, profiled while it serves, and <c>rustscope pull</c>.</summary>
public sealed class WebServiceTests
{
    [Fact]
    public async Task Rustscope_pull_writes_a_session_of_the_busy_service_that_rustscope_report_renders()
    {
        using var service = WebService();
        using var directory = new TempDirectory();
        using var load = new CancellationTokenSource();
        var served = Load(service, "work/primes?n=40000", load.Token);

        var pull = Rustscope(["pull", service.Address.ToString(), "--seconds", "2", "-o", directory.File("profile.json")]);
        await load.CancelAsync();
        var servedDuringProfile = await served;
        var report = Rustscope(["report", directory.File("profile.json"), "-o", directory.File("profile.html")]);

        Assert.True(pull.ExitCode == 0, pull.Errors);
        var session = SessionJson.Parse(await File.ReadAllBytesAsync(directory.File("profile.json")), "profile.json");
        Assert.Contains("CountPrimes", session.Functions[0].Name, StringComparison.Ordinal);
        Assert.True(servedDuringProfile > 0, "the service answered no request while it was profiled");
        Assert.True(report.ExitCode == 0, report.Errors);
        Assert.Contains("CountPrimes", await File.ReadAllTextAsync(directory.File("profile.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rustscope_pull_from_an_endpoint_that_refuses_exits_2_with_the_answer()
    {
        using var service = WebService();
        using var directory = new TempDirectory();

        var pull = Rustscope(["pull", new Uri(service.Address, "pprof/profile").ToString(), "--seconds", "0", "-o", directory.File("profile.pb.gz")]);

        Assert.Equal(2, pull.ExitCode);
        Assert.Contains("400", pull.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("profile.pb.gz")));
    }

    [Fact]
    public async Task The_mapped_routes_answer_conf_under_the_apps_own_pipeline()
    {
        using var service = WebService();

        using var conf = await service.Http.GetAsync(new Uri("pprof/conf", UriKind.Relative));
        using var hello = await service.Http.GetAsync(new Uri("hello", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, conf.StatusCode);
        Assert.Equal("prof.active:false", (await conf.Content.ReadAsStringAsync()).Trim());
        Assert.Equal("hello", await hello.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mapped_without_a_token_or_policy_the_routes_refuse_a_client_beyond_loopback_and_the_app_serves_it()
    {
        var external = NetworkInterface.GetAllNetworkInterfaces()
            .Where(static n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(static n => n.GetIPProperties().UnicastAddresses)
            .Select(static a => a.Address)
            .First(static a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        using var service = WebService("http://0.0.0.0:0");
        using var http = new HttpClient { BaseAddress = new Uri($"http://{external}:{service.Address.Port}/") };

        using var conf = await http.GetAsync(new Uri("pprof/conf", UriKind.Relative));
        using var hello = await http.GetAsync(new Uri("hello", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, conf.StatusCode);
        Assert.Contains("only loopback clients", await conf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
    }

    private static EndpointProcess WebService(string urls = "http://127.0.0.1:0") =>
        EndpointProcess.Start(EndpointProcess.Built("WebService", Path.Combine("examples", "WebService")), ["--urls", urls]);

    private static async Task<int> Load(EndpointProcess service, string route, CancellationToken stop)
    {
        var served = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await service.Http.GetAsync(new Uri(route, UriKind.Relative), stop);
                served += response.IsSuccessStatusCode ? 1 : 0;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return served;
    }

    private static (int ExitCode, string Errors) Rustscope(string[] arguments)
    {
        var start = Repository.CliStartInfo(arguments);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;

        using var process = FixtureProcess.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, errors);
    }
}
