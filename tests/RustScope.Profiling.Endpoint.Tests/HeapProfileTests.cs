using System.Globalization;
using RustScope.Profiling.Endpoint.Tests.Infrastructure;

namespace RustScope.Profiling.Endpoint.Tests;

/// <summary><c>GET /pprof/heap</c>: the objects alive now, by type.</summary>
public sealed class HeapProfileTests
{
    [Fact]
    public async Task Heap_counts_the_bytes_of_the_objects_the_worker_keeps_alive_by_type()
    {
        using var worker = EndpointProcess.Worker(null, "alloc");

        var folded = await worker.Http.GetStringAsync(new Uri("pprof/heap?format=collapsed", UriKind.Relative));

        // The worker keeps its last 64 entries (one more while it is making the next); each is 32 bytes: an object header,
        // a method table pointer, an int (padded) and a reference.
        var entries = folded.Split('\n').Single(static line => line.StartsWith("EndpointWorker.LedgerEntry ", StringComparison.Ordinal));
        Assert.InRange(long.Parse(entries.Split(' ')[1], CultureInfo.InvariantCulture), 64 * 32, 65 * 32);
    }
}
