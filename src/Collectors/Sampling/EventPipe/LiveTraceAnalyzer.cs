using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
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

    private readonly int _pid;
    private readonly TraceLogEventSource _source;
    private readonly Dictionary<(CallStackIndex Stack, int Tid, long Decisecond), int> _cpuSamples = [];
    private readonly ThreadNames _threads;
    private readonly AllocationTable _sampled = new();
    private readonly AllocationTable _ticks = new();
    private readonly ModuleNames _modules = new();
    private readonly ProcessModuleMap _maps;

    public LiveTraceAnalyzer(EventPipeSession session, int pid)
    {
        _pid = pid;
        _threads = new ThreadNames(pid);
        _maps = new ProcessModuleMap(pid);
        _maps.Refresh();
        // The session asks for its own rundown at its end; TraceLog must not open a second session for one.
        _source = TraceLog.CreateFromEventPipeSession(session, TraceLog.EventPipeRundownConfiguration.None());

        // Only samples of threads running managed code count as CPU: "External" samples are threads in native
        // code, almost always waiting (a lock, I/O, Thread.Sleep).
        new SampleProfilerTraceEventParser(_source).ThreadSample += data =>
        {
            if (data.Type == ClrThreadSampleType.Managed)
            {
                // EventPipe's thread id is the kernel's; the time is kept to a tenth of a second until the session's start is known.
                var key = (data.CallStackIndex(), data.ThreadID, new DateTimeOffset(data.TimeStamp).ToUnixTimeMilliseconds() / 100);
                _cpuSamples[key] = _cpuSamples.GetValueOrDefault(key) + 1;
                _threads.Saw(data.ThreadID);
            }

            _maps.RefreshIfStale();
        };
        _source.Clr.AllocationSampling += data => _sampled.Add(data.TypeName, data.CallStackIndex(), EstimatedBytes(data));
        _source.Clr.GCAllocationTick += data => _ticks.Add(data.TypeName, data.CallStackIndex(), data.AllocationAmount64);
        _modules.Listen(_source);
        // A module just loaded is mapped now: read the maps while the process still runs (a crash sends no rundown).
        _source.Clr.LoaderModuleLoad += _ => _maps.MarkStale();
    }

    public int Pid => _pid;

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

    /// <summary>The stacks, thread names and allocation sites counted; call once <see cref="Process"/> has returned.</summary>
    public SampledProcess Profile()
    {
        var stacks = new ManagedStackReader(_source.TraceLog, _modules, _maps);
        return new SampledProcess
        {
            Pid = _pid,
            Cpu = [.. _cpuSamples.Select(pair => new TimedStack(stacks.Read(pair.Key.Stack), pair.Value, pair.Key.Tid, pair.Key.Decisecond * 100))],
            ThreadNames = _threads.Names,
            // .NET 10 sends both; its randomised samples are unbiased, the ticks favour whatever crosses each 100 KB.
            Allocations = (_sampled.IsEmpty ? _ticks : _sampled).Top(stacks.Read),
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
