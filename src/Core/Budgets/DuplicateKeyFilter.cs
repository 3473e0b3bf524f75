using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RustScope.Core.Budgets;

/// <summary>
/// Passes a YAML event stream through, dropping every repeated scalar key of a mapping together with its value and
/// remembering where it was. YamlDotNet's representation model throws on the first duplicate, which would hide every
/// other problem of the file; this way the duplicate is one located error among the rest.
/// </summary>
internal sealed class DuplicateKeyFilter(IParser inner) : IParser
{
    private readonly Stack<Frame> _frames = new();

    /// <summary>The repeated keys, with where each repeat and its first occurrence are written.</summary>
    public List<(string Key, Mark At, Mark First)> Duplicates { get; } = [];

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        while (inner.MoveNext())
        {
            var current = inner.Current!;
            if (_frames.TryPeek(out var top) && top.IsMapping && top.ExpectKey && current is Scalar key && top.Seen.TryGetValue(key.Value, out var first))
            {
                Duplicates.Add((key.Value, key.Start, first));
                SkipNode();
                continue;
            }

            Track(current);
            return true;
        }

        return false;
    }

    private void Track(ParsingEvent current)
    {
        switch (current)
        {
            case MappingStart:
                _frames.Push(new Frame(IsMapping: true));
                break;
            case SequenceStart:
                _frames.Push(new Frame(IsMapping: false));
                break;
            case MappingEnd or SequenceEnd:
                _frames.Pop();
                NodeDone();
                break;
            case Scalar scalar:
                if (_frames.TryPeek(out var top) && top.IsMapping && top.ExpectKey)
                {
                    top.Seen[scalar.Value] = scalar.Start;
                }

                NodeDone();
                break;
            case AnchorAlias:
                NodeDone();
                break;
        }
    }

    // A key or a value is complete: a mapping alternates between expecting one and the other.
    private void NodeDone()
    {
        if (_frames.TryPeek(out var top) && top.IsMapping)
        {
            top.ExpectKey = !top.ExpectKey;
        }
    }

    // Skips the value of a dropped key: one scalar or alias, or a whole collection.
    private void SkipNode()
    {
        var depth = 0;
        while (inner.MoveNext())
        {
            depth += inner.Current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            if (depth == 0)
            {
                return;
            }
        }
    }

    private sealed record Frame(bool IsMapping)
    {
        public bool ExpectKey { get; set; } = true;

        public Dictionary<string, Mark> Seen { get; } = new(StringComparer.Ordinal);
    }
}
