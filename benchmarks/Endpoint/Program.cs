using System.Globalization;
using RustScope.Benchmarks.Endpoint;

// Requests/s, p99 and CPU per request of examples/WebService under loopback load, with the endpoint not mapped, mapped
// but inactive, mapped while a CPU profile runs, mapped with allocation sampling on, and not mapped with dotnet-trace
// attached. The variants are interleaved round by round (a busy machine slows them alike) and each figure is the median
// over the rounds; ratios are to "not mapped" of this run.
// Usage: RustScope.Benchmarks.Endpoint WEBSERVICE.dll [rounds] [seconds] [connections] [route]
var dll = args.Length > 0 ? args[0] : throw new ArgumentException("usage: RustScope.Benchmarks.Endpoint WEBSERVICE.dll [rounds] [seconds] [connections] [route]");
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var connections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;
var route = args.Length > 4 ? args[4] : "work/orders?n=50";
var warmUp = TimeSpan.FromSeconds(3);
// VARIANTS=0,1 runs only those (by their place in Variant.All; the first one is the baseline): more rounds in the same time.
var variants = Variant.Select(Environment.GetEnvironmentVariable("VARIANTS"));

var dotnetTraceDll = Environment.GetEnvironmentVariable("DOTNET_TRACE_DLL") ?? throw new ArgumentException("DOTNET_TRACE_DLL must name dotnet-trace.dll (run.sh sets it)");
var traceFile = Path.Combine(Path.GetTempPath(), $"rustscope-endpoint-bench-{Environment.ProcessId}.nettrace");
var results = variants.ToDictionary(static v => v, static _ => new List<RoundResult>());
for (var round = 1; round <= rounds; round++)
{
    foreach (var variant in variants)
    {
        using var service = ServiceProcess.Start(dll, variant.Environment);
        var url = new Uri(service.Address, route);
        await LoadGenerator.RunAsync(url, connections, warmUp);
        // Each profiler is asked for longer than the load runs, so it is in progress for the whole measured interval.
        var profileFor = TimeSpan.FromSeconds(seconds + 2);
        using var profiler = new HttpClient { Timeout = profileFor + TimeSpan.FromMinutes(2) };
        var profile = variant.Profiler == Profiler.Endpoint
            ? profiler.GetAsync(new Uri(service.Address, $"pprof/profile?seconds={profileFor.TotalSeconds:0}"))
            : null;
        var childrenBefore = ChildrenCpu.Now();
        using var trace = variant.Profiler == Profiler.DotnetTrace ? await DotnetTrace.AttachAsync(dotnetTraceDll, service.Pid, profileFor, traceFile) : null;
        var serviceBefore = service.Cpu();
        var result = await LoadGenerator.RunAsync(url, connections, TimeSpan.FromSeconds(seconds));
        var serviceCpu = service.Cpu() - serviceBefore;
        if (profile is not null)
        {
            using var answer = await profile;
            answer.EnsureSuccessStatusCode();
        }

        if (trace is not null)
        {
            await trace.FinishAsync();
        }

        // dotnet-trace's whole life (attach, the copy, its stop) against the requests of the measured interval.
        var requests = result.RequestsPerSecond * seconds;
        var profilerCpu = ChildrenCpu.Now() - childrenBefore;
        results[variant].Add(new RoundResult(result, 1000 * serviceCpu.TotalMilliseconds / requests, 1000 * profilerCpu.TotalMilliseconds / requests));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round} {variant.Name}: {result.RequestsPerSecond:0} req/s, p99 {result.P99Ms:0.00} ms, {result.Failures} failed, service CPU {1000 * serviceCpu.TotalMilliseconds / requests:0.0} ms per 1000 requests, profiler {1000 * profilerCpu.TotalMilliseconds / requests:0.0}"));
    }
}

File.Delete(traceFile);
var baseline = results[variants[0]];
var baselineRps = Median(baseline, static r => r.Load.RequestsPerSecond);
var baselineP99 = Median(baseline, static r => r.Load.P99Ms);
var baselineCpu = Median(baseline, static r => r.ServiceCpuMsPer1000);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /{route}, {connections} connections, {seconds} s measured after {warmUp.TotalSeconds:0} s warm-up, median of {rounds} interleaved rounds"));
Console.WriteLine();
Console.WriteLine("| variant | requests/s | ratio | p99 ms | ratio | service CPU ms / 1000 req | ratio | + profiler's own |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var variant in variants)
{
    var rps = Median(results[variant], static r => r.Load.RequestsPerSecond);
    var p99 = Median(results[variant], static r => r.Load.P99Ms);
    var cpu = Median(results[variant], static r => r.ServiceCpuMsPer1000);
    var total = Median(results[variant], static r => r.ServiceCpuMsPer1000 + r.ProfilerCpuMsPer1000);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {variant.Name} | {rps:0} | {rps / baselineRps:0.000} | {p99:0.00} | {p99 / baselineP99:0.000} | {cpu:0.0} | {cpu / baselineCpu:0.000} | {total / baselineCpu:0.000} |"));
}

// Rounds run their variants back to back, so a busy machine slows both of a pair alike: the ratio of each round's pair
// is far steadier than either figure alone.
Console.WriteLine();
Console.WriteLine("Paired by round, CPU per 1 000 requests of the service plus its profiler's own (geometric mean of the rounds' ratios, 95 % t interval):");
Console.WriteLine();
Console.WriteLine("| variant | against | ratio | 95 % interval |");
Console.WriteLine("| --- | --- | ---: | ---: |");
foreach (var (variant, against) in PairedRatio.Pairs(variants))
{
    var ratio = PairedRatio.Of([.. results[against].Select(TotalCpu)], [.. results[variant].Select(TotalCpu)]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {variant.Name} | {against.Name} | {ratio.Ratio:0.000} | {ratio.Low:0.000} – {ratio.High:0.000} |"));
}

static double TotalCpu(RoundResult round) => round.ServiceCpuMsPer1000 + round.ProfilerCpuMsPer1000;

static double Median(List<RoundResult> results, Func<RoundResult, double> value)
{
    var sorted = results.Select(value).Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
