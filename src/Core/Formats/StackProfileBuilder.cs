using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Collects stacks from a reader into a <see cref="StackProfile"/>: frames interned by name and module, equal stacks
/// merged into one sample with their weights added, so every format reads to the same compact shape.
/// </summary>
internal sealed class StackProfileBuilder
{
    private readonly List<StackFrame> _frames = [];
    private readonly Dictionary<(string Name, string? Module), int> _frameIndex = [];
    private readonly Dictionary<string, int> _stackIndex = new(StringComparer.Ordinal);
    private readonly List<(int[] Stack, double Weight)> _samples = [];

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

    /// <summary>Adds <paramref name="weight"/> to the stack (frame indices, root first); empty stacks and zero weights are dropped.</summary>
    public void Add(IReadOnlyList<int> stack, double weight)
    {
        if (stack.Count == 0 || weight == 0)
        {
            return;
        }

        var key = string.Join(',', stack);
        if (_stackIndex.TryGetValue(key, out var index))
        {
            _samples[index] = (_samples[index].Stack, _samples[index].Weight + weight);
            return;
        }

        _stackIndex.Add(key, _samples.Count);
        _samples.Add(([.. stack], weight));
    }

    /// <summary>The stacks collected so far.</summary>
    public StackProfile Build(string unit) => new()
    {
        Unit = unit,
        Frames = [.. _frames],
        Samples = [.. _samples.Select(static s => new StackSample { Stack = s.Stack, Weight = s.Weight })],
    };
}
