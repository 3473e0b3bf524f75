using System.Diagnostics;

namespace RustScope.Benchmarks.Endpoint;

/// <summary>A closed-loop load generator: N connections, each sending the next request when the last one answered.</summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(Uri url, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            List<double> latencies = [];
            var failures = 0;
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        continue;
                    }
                }
                catch (HttpRequestException)
                {
                }

                failures++;
            }

            return (latencies, failures);
        })).ToArray();
        var results = await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = results.SelectMany(static r => r.latencies).Order().ToArray();
        var p99 = all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(0.99 * all.Length) - 1)];
        return new LoadResult(all.Length / elapsed, p99, results.Sum(static r => r.failures));
    }
}
