using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Reads an EventPipe session's stream while the target runs: CPU samples and allocation samples are counted per
/// interned call stack as they arrive, and the stacks are turned into method names once, after the stream ended
/// (when the rundown at its end has named ReadyToRun code too). Nothing is left to convert after the target exits.
/// </summary>
internal sealed class LiveTraceAnalyzer : IDisposable
{
    /// <summary>Mean distance between two samples of .NET 10's allocation sampling (dotnet/runtime docs, AllocationSampled).</summary>
    private const double AllocationSamplingMeanBytes = 100 * 1024;

    private readonly TraceLogEventSource _source;
    private readonly Dictionary<CallStackIndex, int> _cpuSamples = [];
    private readonly AllocationTable _sampled = new();
    private readonly AllocationTable _ticks = new();
    private readonly ModuleNames _modules = new();

    public LiveTraceAnalyzer(EventPipeSession session)
    {
        // The session asks for its own rundown at its end; TraceLog must not open a second session for one.
        _source = TraceLog.CreateFromEventPipeSession(session, TraceLog.EventPipeRundownConfiguration.None());

        // Only samples of threads running managed code count as CPU: "External" samples are threads in native
        // code, almost always waiting (a lock, I/O, Thread.Sleep).
        new SampleProfilerTraceEventParser(_source).ThreadSample += data =>
        {
            if (data.Type == ClrThreadSampleType.Managed)
            {
                var stack = data.CallStackIndex();
                _cpuSamples[stack] = _cpuSamples.GetValueOrDefault(stack) + 1;
            }
        };
        _source.Clr.AllocationSampling += data => _sampled.Add(data.TypeName, data.CallStackIndex(), EstimatedBytes(data));
        _source.Clr.GCAllocationTick += data => _ticks.Add(data.TypeName, data.CallStackIndex(), data.AllocationAmount64);
        _modules.Listen(_source);
    }

    /// <summary>
    /// Reads the stream until it ends. Returns a warning instead of throwing when it breaks off (the target crashed
    /// mid-block) or is malformed: what was counted until then is kept.
    /// </summary>
    public string? Process()
    {
        try
        {
            _source.Process();
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"the EventPipe stream could not be read to its end ({e.GetType().Name}: {e.Message}); the samples before that are kept";
        }
    }

    /// <summary>The functions, stacks and allocation sites counted; call once <see cref="Process"/> has returned.</summary>
    public SampledProfile Profile()
    {
        var stacks = new ManagedStackReader(_source.TraceLog, _modules);
        var cpu = new StackAggregator();
        foreach (var (stack, samples) in _cpuSamples)
        {
            cpu.Add(stacks.Read(stack), samples, SampleOrigin.Unknown);
        }

        return new SampledProfile
        {
            Functions = cpu.Functions(),
            Stacks = cpu.Stacks(),
            // .NET 10 sends both; its randomised samples are unbiased, the ticks favour whatever crosses each 100 KB.
            Allocations = (_sampled.IsEmpty ? _ticks : _sampled).Top(stacks.Read),
            Warnings = cpu.TotalWeight > 0 ? [] : ["no managed CPU samples were recorded (the target ran too briefly or only waited)"],
        };
    }

    public void Dispose() => _source.Dispose();

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
