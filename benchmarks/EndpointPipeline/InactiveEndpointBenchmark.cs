using System.Text;
using BenchmarkDotNet.Attributes;

namespace RustScope.Benchmarks.EndpointPipeline;

/// <summary>
/// What an inactive profiling endpoint costs a request (docs/endpoint.md, "Cost"): one GET through examples/WebService's
/// real ASP.NET Core pipeline, in process and without sockets, with the endpoint not mapped (baseline) and mapped but
/// inactive (<c>RUSTSCOPE_PROF</c> unset). An inactive endpoint runs no EventPipe session and adds no middleware, only
/// its routes, so any cost is routing's: /hello is the route where it would show most, /work/orders?n=50 the real work.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InactiveEndpointBenchmark
{
    private ServicePipeline? _notMapped;
    private ServicePipeline? _mappedInactive;
    private PathString _path;
    private QueryString _query;

    [Params("/hello", "/work/orders?n=50")]
    public string Route { get; set; } = "/hello";

    [GlobalSetup]
    public void BuildBothApps()
    {
        var uri = new Uri("http://localhost" + Route);
        _path = PathString.FromUriComponent(uri);
        _query = QueryString.FromUriComponent(uri);
        _notMapped = ServicePipeline.Build(mapProfiling: false);
        _mappedInactive = ServicePipeline.Build(mapProfiling: true);
        // Both apps really serve the route, and only the mapped one has the profiling routes, answering "inactive".
        Expect(_notMapped, uri, StatusCodes.Status200OK, "");
        Expect(_mappedInactive, uri, StatusCodes.Status200OK, "");
        Expect(_mappedInactive, new Uri("http://localhost/pprof/conf"), StatusCodes.Status200OK, "prof.active:false");
        Expect(_notMapped, new Uri("http://localhost/pprof/conf"), StatusCodes.Status404NotFound, null);
    }

    [GlobalCleanup]
    public void DisposeBothApps()
    {
        _notMapped?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _mappedInactive?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<HttpResponse> NotMapped() => _notMapped!.GetAsync(_path, _query, Stream.Null);

    [Benchmark]
    public Task<HttpResponse> MappedInactive() => _mappedInactive!.GetAsync(_path, _query, Stream.Null);

    /// <summary>Fails the run unless the app answers <paramref name="status"/> with a body that contains <paramref name="text"/> (null: no body expected).</summary>
    private static void Expect(ServicePipeline app, Uri uri, int status, string? text)
    {
        using var body = new MemoryStream();
        var response = app.GetAsync(PathString.FromUriComponent(uri), QueryString.FromUriComponent(uri), body).GetAwaiter().GetResult();
        var written = Encoding.UTF8.GetString(body.ToArray());
        if (response.StatusCode != status || (text is not null && (written.Length == 0 || !written.Contains(text, StringComparison.Ordinal))))
        {
            throw new InvalidOperationException($"GET {uri.PathAndQuery} answered {response.StatusCode} \"{written}\"; expected {status} with a body containing \"{text}\"");
        }
    }
}
