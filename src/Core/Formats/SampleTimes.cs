using System.Text.Json;

namespace RustScope.Core.Formats;

/// <summary>
/// The second of each sample of a Firefox Profiler samples table: <c>time</c> holds milliseconds from the profile's
/// start, newer profiles' <c>timeDeltas</c> the milliseconds since the previous sample. Read in order, once.
/// </summary>
internal sealed class SampleTimes
{
    private readonly JsonElement? _column;
    private readonly bool _deltas;
    private double _elapsed;
    private bool _broken;

    public SampleTimes(JsonElement samples)
    {
        if (JsonInput.Optional(samples, "time") is { ValueKind: JsonValueKind.Array } time)
        {
            _column = time;
        }
        else if (JsonInput.Optional(samples, "timeDeltas") is { ValueKind: JsonValueKind.Array } deltas)
        {
            _column = deltas;
            _deltas = true;
        }
    }

    /// <summary>Whole seconds from the start to sample <paramref name="index"/> (asked for 0, 1, 2… in turn); null when unknown.</summary>
    public int? Second(int index)
    {
        if (_column is not { } column || _broken || index >= column.GetArrayLength()
            || column[index].ValueKind != JsonValueKind.Number || !column[index].TryGetDouble(out var ms))
        {
            // A delta missing breaks every time after it.
            _broken |= _deltas;
            return null;
        }

        _elapsed = _deltas ? _elapsed + ms : ms;
        return _elapsed is >= 0 and < int.MaxValue * 1000.0 ? (int)(_elapsed / 1000) : null;
    }
}
