using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Formats;

/// <summary>Assembles a pprof profile: one function and location per distinct frame, one mapping per module, strings interned.</summary>
internal sealed class PprofBuilder
{
    private readonly StringTable _strings = new();
    private readonly Dictionary<(string Name, string? Module), ulong> _locations = [];
    private readonly Dictionary<string, ulong> _mappings = new(StringComparer.Ordinal);

    public Proto.Profile Profile { get; } = new();

    public Proto.ValueType SampleType(string type, string unit)
    {
        var valueType = new Proto.ValueType { Type = _strings[type], Unit = _strings[unit] };
        Profile.SampleType.Add(valueType);
        return valueType;
    }

    /// <summary>Adds a sample of <paramref name="stack"/> (root first) with one value per sample type.</summary>
    public void Sample(IEnumerable<StackFrame> stack, long[] values, params Proto.Label[] labels)
    {
        var sample = new Proto.Sample();
        sample.LocationId.AddRange(stack.Select(Location).Reverse()); // pprof lists the leaf first
        sample.Value.AddRange(values);
        sample.Label.AddRange(labels);
        Profile.Sample.Add(sample);
    }

    /// <summary>A string label.</summary>
    public Proto.Label Label(string key, string value) => new() { Key = _strings[key], Str = _strings[value] };

    /// <summary>A numeric label, with its unit when it has one.</summary>
    public Proto.Label Label(string key, long value, string? unit = null) =>
        new() { Key = _strings[key], Num = value, NumUnit = unit is null ? 0 : _strings[unit] };

    public Proto.Profile Build()
    {
        Profile.StringTable.Clear();
        Profile.StringTable.AddRange(_strings.Entries);
        return Profile;
    }

    // Ids are 1-based: 0 means "none" in pprof. A frame's function and location share its id.
    private ulong Location(StackFrame frame)
    {
        var module = string.IsNullOrEmpty(frame.Module) ? null : frame.Module;
        if (_locations.TryGetValue((frame.Name, module), out var id))
        {
            return id;
        }

        id = (ulong)_locations.Count + 1;
        _locations.Add((frame.Name, module), id);
        Profile.Function.Add(new Proto.Function { Id = id, Name = _strings[frame.Name], SystemName = _strings[frame.Name] });
        var location = new Proto.Location { Id = id, MappingId = module is null ? 0 : Mapping(module) };
        location.Line.Add(new Proto.Line { FunctionId = id });
        Profile.Location.Add(location);
        return id;
    }

    private ulong Mapping(string module)
    {
        if (!_mappings.TryGetValue(module, out var id))
        {
            id = (ulong)_mappings.Count + 1;
            _mappings.Add(module, id);
            // has_functions: the names are already there, so pprof does not try to symbolise the (absent) binary.
            Profile.Mapping.Add(new Proto.Mapping { Id = id, Filename = _strings[module], HasFunctions = true });
        }

        return id;
    }
}
