using System.Globalization;
using RustScope.Benchmarks.Endpoint;

// Requests/s and p99 of examples/WebService under loopback load, with the endpoint not mapped, mapped but inactive, mapped
// while a CPU profile runs, and mapped with allocation sampling on. The variants are interleaved round by round (a busy
// machine slows them alike) and each figure is the median over the rounds; ratios are to "not mapped" of this run.
// Usage: RustScope.Benchmarks.Endpoint WEBSERVICE.dll [rounds] [seconds] [connections] [route]
var dll = args.Length > 0 ? args[0] : throw new ArgumentException("usage: RustScope.Benchmarks.Endpoint WEBSERVICE.dll [rounds] [seconds] [connections] [route]");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var connections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;
var route = args.Length > 4 ? args[4] : "work/orders?n=50";
var warmUp = TimeSpan.FromSeconds(3);

var results = Variant.All.ToDictionary(static v => v, static _ => new List<LoadResult>());
for (var round = 1; round <= rounds; round++)
{
    foreach (var variant in Variant.All)
    {
        using var service = ServiceProcess.Start(dll, variant.Environment);
        var url = new Uri(service.Address, route);
        await LoadGenerator.RunAsync(url, connections, warmUp);
        using var profiler = new HttpClient { Timeout = TimeSpan.FromSeconds(seconds + 120) };
        // The profile asks for longer than the load runs, so it is in progress for the whole measured interval.
        var profile = variant.CpuProfileDuringLoad
            ? profiler.GetAsync(new Uri(service.Address, $"pprof/profile?seconds={seconds + 2}"))
            : null;
        var result = await LoadGenerator.RunAsync(url, connections, TimeSpan.FromSeconds(seconds));
        if (profile is not null)
        {
            using var answer = await profile;
            answer.EnsureSuccessStatusCode();
        }

        results[variant].Add(result);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round} {variant.Name}: {result.RequestsPerSecond:0} req/s, p99 {result.P99Ms:0.00} ms, {result.Failures} failed"));
    }
}

var baseline = Median(results[Variant.All[0]], static r => r.RequestsPerSecond);
var baselineP99 = Median(results[Variant.All[0]], static r => r.P99Ms);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /{route}, {connections} connections, {seconds} s measured after {warmUp.TotalSeconds:0} s warm-up, median of {rounds} interleaved rounds"));
Console.WriteLine();
Console.WriteLine("| variant | requests/s | ratio | p99 ms | ratio |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
foreach (var variant in Variant.All)
{
    var rps = Median(results[variant], static r => r.RequestsPerSecond);
    var p99 = Median(results[variant], static r => r.P99Ms);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {variant.Name} | {rps:0} | {rps / baseline:0.000} | {p99:0.00} | {p99 / baselineP99:0.000} |"));
}

static double Median(List<LoadResult> results, Func<LoadResult, double> value)
{
    var sorted = results.Select(value).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
