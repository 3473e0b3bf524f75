using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Formats;

/// <summary>Turns a decoded pprof profile into stacks, checking every index it follows.</summary>
internal sealed class PprofReader(Proto.Profile profile, string sourceName)
{
    private readonly StackProfileBuilder _builder = new();
    private readonly Dictionary<ulong, Proto.Location> _locations = [];
    private readonly Dictionary<ulong, Proto.Function> _functions = [];
    private readonly Dictionary<ulong, Proto.Mapping> _mappings = [];
    private readonly Dictionary<ulong, int[]> _locationFrames = [];

    public StackProfile Read()
    {
        if (profile.StringTable.Count == 0 || profile.StringTable[0].Length != 0)
        {
            throw PprofFormat.Invalid(sourceName, "not a pprof profile: string_table must start with the empty string");
        }

        if (profile.SampleType.Count == 0)
        {
            throw PprofFormat.Invalid(sourceName, "not a pprof profile: it has no sample_type");
        }

        Index(profile.Mapping, static m => m.Id, _mappings, "mapping");
        Index(profile.Function, static f => f.Id, _functions, "function");
        Index(profile.Location, static l => l.Id, _locations, "location");
        var (valueIndex, unit, scale) = Chosen();
        var stack = new List<int>();
        for (var s = 0; s < profile.Sample.Count; s++)
        {
            var sample = profile.Sample[s];
            if (sample.Value.Count != profile.SampleType.Count)
            {
                throw PprofFormat.Invalid(sourceName, $"sample {s} has {sample.Value.Count} values for {profile.SampleType.Count} sample types");
            }

            stack.Clear();
            for (var i = sample.LocationId.Count - 1; i >= 0; i--)
            {
                stack.AddRange(Frames(sample.LocationId[i], $"sample {s}"));
            }

            _builder.Add(stack, Math.Max(0, sample.Value[valueIndex]) * scale);
        }

        return _builder.Build(unit);
    }

    // pprof shows default_sample_type when set, else the last sample type; time units become ns so sessions compare.
    private (int Index, string Unit, double Scale) Chosen()
    {
        var index = profile.SampleType.Count - 1;
        if (profile.DefaultSampleType != 0)
        {
            var named = profile.SampleType.ToList().FindIndex(t => t.Type == profile.DefaultSampleType);
            index = named >= 0 ? named : index;
        }

        return String(profile.SampleType[index].Unit, "sample_type unit") switch
        {
            "nanoseconds" => (index, "ns", 1),
            "microseconds" => (index, "ns", 1e3),
            "milliseconds" => (index, "ns", 1e6),
            "seconds" => (index, "ns", 1e9),
            "bytes" => (index, "bytes", 1),
            _ => (index, "samples", 1),
        };
    }

    // One location is one address, possibly of several inlined functions: line[0] innermost, so reversed for root first.
    private int[] Frames(ulong locationId, string user)
    {
        if (_locationFrames.TryGetValue(locationId, out var frames))
        {
            return frames;
        }

        if (!_locations.TryGetValue(locationId, out var location))
        {
            throw PprofFormat.Invalid(sourceName, $"{user} refers to location {locationId}, which the profile does not define");
        }

        string? module = null;
        if (location.MappingId != 0)
        {
            module = _mappings.TryGetValue(location.MappingId, out var mapping)
                ? String(mapping.Filename, $"mapping {mapping.Id} filename")
                : throw PprofFormat.Invalid(sourceName, $"location {locationId} refers to mapping {location.MappingId}, which the profile does not define");
        }

        if (location.Line.Count == 0)
        {
            // An unsymbolised address: the name pprof itself shows for it.
            frames = [_builder.Frame($"0x{location.Address:x}", module)];
        }
        else
        {
            frames = new int[location.Line.Count];
            for (var i = 0; i < location.Line.Count; i++)
            {
                var functionId = location.Line[i].FunctionId;
                if (!_functions.TryGetValue(functionId, out var function))
                {
                    throw PprofFormat.Invalid(sourceName, $"location {locationId} refers to function {functionId}, which the profile does not define");
                }

                var name = String(function.Name, $"function {functionId} name");
                frames[location.Line.Count - 1 - i] = _builder.Frame(name.Length > 0 ? name : String(function.SystemName, $"function {functionId} system_name") is { Length: > 0 } system ? system : "?", module);
            }
        }

        _locationFrames.Add(locationId, frames);
        return frames;
    }

    private string String(long index, string what) =>
        index >= 0 && index < profile.StringTable.Count
            ? profile.StringTable[(int)index]
            : throw PprofFormat.Invalid(sourceName, $"{what} is string {index}, outside string_table (0..{profile.StringTable.Count - 1})");

    private void Index<T>(IEnumerable<T> items, Func<T, ulong> id, Dictionary<ulong, T> index, string kind)
    {
        foreach (var item in items)
        {
            if (id(item) == 0 || !index.TryAdd(id(item), item))
            {
                throw PprofFormat.Invalid(sourceName, $"{kind} id {id(item)} is zero or used twice");
            }
        }
    }
}
