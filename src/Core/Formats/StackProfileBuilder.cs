using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Collects stacks from a reader into a <see cref="StackProfile"/>: frames interned by name and module, equal stacks of
/// the same process, thread and second merged into one sample with their weights added, so every format reads to the
/// same compact shape.
/// </summary>
internal sealed class StackProfileBuilder
{
    private readonly List<StackFrame> _frames;
    private readonly Dictionary<(string Name, string? Module), int> _frameIndex;
    private readonly Dictionary<(string Stack, int? Pid, int? Tid, int? Second), int> _stackIndex = [];
    private readonly List<StackSample> _samples = [];
    private readonly SortedDictionary<(int Pid, int Tid), string?> _threads = [];

    /// <summary>A builder with frames of its own.</summary>
    public StackProfileBuilder()
    {
        _frames = [];
        _frameIndex = [];
    }

    /// <summary>A builder whose stacks index <paramref name="frames"/>'s frames (waiting stacks beside the CPU ones).</summary>
    public StackProfileBuilder(StackProfileBuilder frames)
    {
        _frames = frames._frames;
        _frameIndex = frames._frameIndex;
    }

    /// <summary>The index of the frame, added on first sight.</summary>
    public int Frame(string name, string? module = null)
    {
        module = string.IsNullOrEmpty(module) ? null : module;
        if (!_frameIndex.TryGetValue((name, module), out var index))
        {
            index = _frames.Count;
            _frameIndex.Add((name, module), index);
            _frames.Add(new StackFrame { Name = name, Module = module });
        }

        return index;
    }

    /// <summary>
    /// Adds <paramref name="weight"/> to the stack (frame indices, root first) as sampled in a process, thread and second
    /// where the source says; empty stacks and zero weights are dropped.
    /// </summary>
    public void Add(IReadOnlyList<int> stack, double weight, int? pid = null, int? tid = null, int? second = null)
    {
        if (stack.Count == 0 || weight == 0)
        {
            return;
        }

        if (pid is { } p && tid is { } t)
        {
            _threads.TryAdd((p, t), null);
        }

        var key = (string.Join(',', stack), pid, tid, second);
        if (_stackIndex.TryGetValue(key, out var index))
        {
            _samples[index] = _samples[index] with { Weight = _samples[index].Weight + weight };
            return;
        }

        _stackIndex.Add(key, _samples.Count);
        _samples.Add(new StackSample { Stack = [.. stack], Weight = weight, Pid = pid, Tid = tid, Second = second });
    }

    /// <summary>Names a thread of the profile; an empty name leaves it unnamed.</summary>
    public void NameThread(int pid, int tid, string? name) => _threads[(pid, tid)] = string.IsNullOrEmpty(name) ? null : name;

    /// <summary>The stacks collected so far.</summary>
    public StackProfile Build(string unit) => new()
    {
        Unit = unit,
        Frames = [.. _frames],
        Samples = [.. _samples],
        Threads = [.. _threads.Select(static t => new StackThread { Pid = t.Key.Pid, Tid = t.Key.Tid, Name = t.Value })],
    };
}
