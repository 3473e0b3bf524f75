using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RustScope.Core.Budgets;

/// <summary>
/// Passes a YAML event stream through until its collections nest deeper than a budget file ever needs. YamlDotNet
/// builds its node tree recursively, so a file of 50,000 nested brackets would overflow the stack — a crash no
/// handler can catch; stopping at the first level too deep turns it into a located syntax error.
/// </summary>
internal sealed class NestingLimitFilter(IParser inner, int maxDepth) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event read ended: the place to report an error the parser gives no position for.</summary>
    public Mark Reached { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        Reached = inner.Current!.End;
        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > maxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End, string.Create(CultureInfo.InvariantCulture, $"mappings and lists nest deeper than {maxDepth} levels here"));
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
