using RustScope.Core.Model;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Folds sampled call stacks (root first) into the session's function table and flamegraph data.
/// Shared by the EventPipe and perf paths so both report the same way.
/// </summary>
internal sealed class StackAggregator
{
    private readonly Dictionary<StackFrame, int> _frameIndex = [];
    private readonly List<StackFrame> _frames = [];
    private readonly Dictionary<(string Stack, SampleOrigin Origin), WeightedStack> _stacks = [];
    private readonly Dictionary<(int Pid, int Tid), string?> _threads = [];
    private readonly Dictionary<int, double> _self = [];
    private readonly Dictionary<int, double> _total = [];
    private readonly HashSet<int> _seenInStack = [];
    private double _totalWeight;

    public double TotalWeight => _totalWeight;

    /// <summary>
    /// Adds one sample (or <paramref name="weight"/> samples of the same stack); <paramref name="rootFirst"/> must hold at
    /// least one frame. Stacks are kept apart by <paramref name="origin"/>, so the session can be split by process, thread
    /// and second.
    /// </summary>
    public void Add(IReadOnlyList<StackFrame> rootFirst, double weight, SampleOrigin origin)
    {
        if (rootFirst.Count == 0)
        {
            return;
        }

        var indices = new int[rootFirst.Count];
        _seenInStack.Clear();
        for (var i = 0; i < rootFirst.Count; i++)
        {
            var index = IndexOf(rootFirst[i]);
            indices[i] = index;
            // A recursive function counts once per sample in its inclusive share.
            if (_seenInStack.Add(index))
            {
                _total[index] = _total.GetValueOrDefault(index) + weight;
            }
        }

        _self[indices[^1]] = _self.GetValueOrDefault(indices[^1]) + weight;
        _totalWeight += weight;
        var key = (string.Join(',', indices), origin);
        if (_stacks.TryGetValue(key, out var entry))
        {
            entry.Weight += weight;
        }
        else
        {
            _stacks.Add(key, new WeightedStack(indices, weight, origin));
        }

        if (origin is { Pid: { } pid, Tid: { } tid })
        {
            _threads.TryAdd((pid, tid), null);
        }
    }

    /// <summary>Names a thread that samples refer to (a later name replaces an earlier one: threads rename themselves).</summary>
    public void NameThread(int pid, int tid, string name) => _threads[(pid, tid)] = name;

    /// <summary>Functions by self share, then inclusive share; empty when nothing was sampled.</summary>
    public IReadOnlyList<FunctionProfile> Functions()
    {
        if (_totalWeight <= 0)
        {
            return [];
        }

        return [.. _total
            .Select(pair => new FunctionProfile
            {
                Name = _frames[pair.Key].Name,
                Module = _frames[pair.Key].Module,
                Calls = (long)Math.Round(pair.Value),
                SelfPct = 100 * _self.GetValueOrDefault(pair.Key) / _totalWeight,
                TotalPct = 100 * pair.Value / _totalWeight,
                Source = FunctionSource.Sampled,
            })
            .OrderByDescending(f => f.SelfPct)
            .ThenByDescending(f => f.TotalPct)
            .ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>The weighted distinct stacks, heaviest first; null when nothing was sampled.</summary>
    public StackProfile? Stacks() => _stacks.Count == 0
        ? null
        : new StackProfile
        {
            Unit = "samples",
            Frames = [.. _frames],
            Samples = [.. _stacks.Values
                .OrderByDescending(s => s.Weight)
                .Select(s => new StackSample { Stack = s.Indices, Weight = s.Weight, Pid = s.Origin.Pid, Tid = s.Origin.Tid, Second = s.Origin.Second })],
            Threads = [.. _threads
                .OrderBy(thread => thread.Key.Pid)
                .ThenBy(thread => thread.Key.Tid)
                .Select(thread => new StackThread { Pid = thread.Key.Pid, Tid = thread.Key.Tid, Name = thread.Value })],
        };

    private int IndexOf(StackFrame frame)
    {
        if (!_frameIndex.TryGetValue(frame, out var index))
        {
            index = _frames.Count;
            _frames.Add(frame);
            _frameIndex.Add(frame, index);
        }

        return index;
    }
}
