using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Parsers;
using RustScope.Collectors.Sampling;
using RustScope.Core.Model;
using RustScope.Profiling.Endpoint.Sessions;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// What is live on the managed heap now, by type: the walk dotnet-gcdump asks for. The session's keywords make the runtime
/// run a full blocking GC and report every object that survived it (type and size); the walk ends with that GC.
/// Unlike jemalloc's heap profile there are no allocation stacks: the GC knows objects, not where they came from.
/// </summary>
internal sealed class HeapSnapshot
{
    private static readonly TimeSpan WalkTimeout = TimeSpan.FromSeconds(60);

    private static readonly IReadOnlyList<EventPipeProvider> Providers =
    [
        new(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GCHeapSnapshot),
    ];

    private int _running;

    /// <summary>The live bytes by type, or null when another walk is running.</summary>
    /// <exception cref="ProfilingUnavailableException">The diagnostic session could not start.</exception>
    public async Task<ProfileSession?> TakeAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return null;
        }

        try
        {
            var window = new ProcessWindow();
            EventPipeSession session;
            try
            {
                session = await new DiagnosticsClient(Environment.ProcessId).StartEventPipeSessionAsync(
                    new EventPipeSessionConfiguration(Providers, circularBufferSizeMB: 256, requestRundown: false, requestStackwalk: false),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ServerNotAvailableException or ServerErrorException or UnsupportedCommandException or IOException or TimeoutException)
            {
                throw new ProfilingUnavailableException(InProcessTrace.Unavailable(e), e);
            }

            using (session)
            {
                var walk = new HeapWalk(session);
                var reading = Task.Factory.StartNew(walk.Read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                string? warning = null;
                try
                {
                    await reading.WaitAsync(WalkTimeout, cancellationToken).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    warning = $"the heap walk did not end within {WalkTimeout.TotalSeconds:0} s; the objects reported until then are shown";
                }

                var stacks = new StackAggregator();
                foreach (var (type, bytes) in walk.LiveBytes())
                {
                    stacks.Add([new StackFrame { Name = type, Module = "(type)" }], bytes, SampleOrigin.Unknown);
                }

                var profile = new SampledProfile { Stacks = stacks.Stacks() is { } live ? live with { Unit = "bytes" } : null };
                return EndpointSession.Create(window, profile,
                    [.. warning is null ? [] : new[] { warning },
                     "heap: bytes of the objects alive after a full GC, by type (no allocation stacks: the .NET GC does not keep them); pprof names the column alloc_space"]);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
