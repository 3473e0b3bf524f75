using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Turns a .nettrace file into functions, stacks, allocation sites and counters. TraceLog resolves stack addresses
/// to methods from the JIT's load events and the rundown at the end of the session.
/// </summary>
internal static class NettraceAnalyzer
{
    /// <summary>Mean distance between two samples of .NET 10's allocation sampling (dotnet/runtime docs, AllocationSampled).</summary>
    private const double AllocationSamplingMeanBytes = 100 * 1024;

    /// <summary>
    /// Never throws for a bad trace: a trace cut short (the target crashed) or malformed must not cost the user the
    /// rest of the session, so what cannot be read becomes a warning.
    /// </summary>
    public static SampledProfile Analyze(string tracePath)
    {
        SampledProfile profile;
        var etlxPath = Path.ChangeExtension(tracePath, ".etlx");
        try
        {
            // ContinueOnError: a target that crashed leaves a trace cut off mid-block; keep what came before.
            TraceLog.CreateFromEventPipeDataFile(tracePath, etlxPath, new TraceLogOptions { ContinueOnError = true });
            using var log = new TraceLog(etlxPath);
            profile = Read(log);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return SampledProfile.Warning($"the EventPipe trace could not be read ({e.GetType().Name}: {e.Message}); no function data");
        }
        finally
        {
            File.Delete(etlxPath);
        }

        var (counters, counterWarning) = ReadCounters(tracePath);
        return profile with { Counters = counters, Warnings = counterWarning is null ? profile.Warnings : [.. profile.Warnings, counterWarning] };
    }

    private static SampledProfile Read(TraceLog log)
    {
        var stacks = new ManagedStackReader();
        var cpu = new StackAggregator();
        var sampled = new AllocationTable();
        var ticks = new AllocationTable();
        var source = log.Events.GetSource();

        // Only samples of threads running managed code count as CPU: "External" samples are threads in native
        // code, almost always waiting (a lock, I/O, Thread.Sleep).
        new SampleProfilerTraceEventParser(source).ThreadSample += data =>
        {
            if (data.Type == ClrThreadSampleType.Managed)
            {
                cpu.Add(stacks.Read(data), 1);
            }
        };
        source.Clr.AllocationSampling += data => sampled.Add(data.TypeName, stacks.Read(data), EstimatedBytes(data));
        source.Clr.GCAllocationTick += data => ticks.Add(data.TypeName, stacks.Read(data), data.AllocationAmount64);
        source.Process();

        return new SampledProfile
        {
            Functions = cpu.Functions(),
            Stacks = cpu.Stacks(),
            // .NET 10 sends both; its randomised samples are unbiased, the ticks favour whatever crosses each 100 KB.
            Allocations = sampled.IsEmpty ? ticks.Top() : sampled.Top(),
            Warnings = cpu.TotalWeight > 0 ? [] : ["no managed CPU samples were recorded (the target ran too briefly or only waited)"],
        };
    }

    /// <summary>
    /// A second pass straight over the .nettrace: TraceLog drops the field names of self-describing events. This
    /// parser has no ContinueOnError, so a cut-off trace can throw here; the reports read until then are kept.
    /// </summary>
    private static (IReadOnlyList<RuntimeCounterPoint> Counters, string? Warning) ReadCounters(string tracePath)
    {
        var counters = new RuntimeCounterReader();
        try
        {
            using var source = new EventPipeEventSource(tracePath);
            source.Dynamic.AddCallbackForProviderEvent(EventPipeConfiguration.RuntimeCountersProvider, "EventCounters", counters.OnEvent);
            source.Process();
            return (counters.Points, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (counters.Points, $"the runtime counters could not be read to the end of the trace ({e.GetType().Name}: {e.Message}); the {counters.Points.Count} reports before that are kept");
        }
    }

    /// <summary>
    /// Bytes one sampled object stands for: with a sampling distance that is exponential with mean M, an object of
    /// size s is sampled with probability 1 - exp(-s/M), so each sample counts s / (1 - exp(-s/M)).
    /// </summary>
    private static double EstimatedBytes(AllocationSampledTraceData data)
    {
        var size = (double)data.ObjectSize;
        return size <= 0 ? 0 : size / -double.ExpM1(-size / AllocationSamplingMeanBytes);
    }
}
