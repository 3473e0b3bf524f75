using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.EventPipe;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// Reads an EventPipe session's stream while the target runs: thread samples, lock contentions and allocation samples
/// are counted per interned call stack as they arrive, and the stacks are turned into method names once, after the
/// stream ended (when the rundown at its end has named ReadyToRun code too). Nothing is left to convert after the
/// target exits.
/// </summary>
internal sealed class LiveTraceAnalyzer : IDisposable
{
    /// <summary>Mean distance between two samples of .NET 10's allocation sampling (dotnet/runtime docs, AllocationSampled).</summary>
    private const double AllocationSamplingMeanBytes = 100 * 1024;

    private readonly int _pid;
    private readonly TraceLogEventSource _source;
    private readonly Dictionary<(CallStackIndex Stack, ClrThreadSampleType Type, int Tid, long Decisecond), int> _threadSamples = [];
    private readonly ContentionTable _contentions = new();
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

        // Every thread is sampled, running or not: the type is kept so running and waiting can be told apart once
        // the stacks are named (ThreadSampleClassifier). EventPipe's thread id is the kernel's; the time is kept to a
        // tenth of a second until the session's start is known.
        new SampleProfilerTraceEventParser(_source).ThreadSample += data =>
        {
            var key = (data.CallStackIndex(), data.Type, data.ThreadID, new DateTimeOffset(data.TimeStamp).ToUnixTimeMilliseconds() / 100);
            _threadSamples[key] = _threadSamples.GetValueOrDefault(key) + 1;
            _threads.Saw(data.ThreadID);
            _maps.RefreshIfStale();
        };
        _contentions.Listen(_source);
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

    /// <summary>The running and waiting stacks, contentions, thread names and allocation sites counted; call once <see cref="Process"/> has returned.</summary>
    public SampledProcess Profile()
    {
        var stacks = new ManagedStackReader(_source.TraceLog, _modules, _maps);
        List<TimedStack> cpu = [];
        List<TimedStack> waiting = [];
        foreach (var ((stack, type, tid, decisecond), samples) in _threadSamples)
        {
            // A sample without a managed frame (a runtime thread idle in native code) says nothing about a function;
            // "Error" samples are stacks the profiler could not walk.
            if (stacks.Read(stack) is [.., var leaf] frames && type is ClrThreadSampleType.Managed or ClrThreadSampleType.External)
            {
                (ThreadSampleClassifier.IsWaiting(type, leaf) ? waiting : cpu).Add(new TimedStack(frames, samples, tid, decisecond * 100));
            }
        }

        return new SampledProcess
        {
            Pid = _pid,
            Cpu = cpu,
            Waiting = waiting,
            Contentions = _contentions.Top(stacks.Read),
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
