using RustScope.Core.Model;
using Proto = RustScope.Core.Formats.Pprof;

namespace RustScope.Core.Formats;

/// <summary>
/// Turns a decoded pprof profile into stacks, checking every index it follows: the default sample type's, and apart
/// from them a <c>wait</c> column's; the labels <c>pid</c>, <c>tid</c>, <c>thread</c> and <c>second</c> keep where each
/// stack was sampled.
/// </summary>
internal sealed class PprofReader(Proto.Profile profile, string sourceName)
{
    private readonly StackProfileBuilder _builder = new();
    private StackProfileBuilder? _wait;
    private readonly Dictionary<ulong, Proto.Location> _locations = [];
    private readonly Dictionary<ulong, Proto.Function> _functions = [];
    private readonly Dictionary<ulong, Proto.Mapping> _mappings = [];
    private readonly Dictionary<ulong, int[]> _locationFrames = [];

    public (StackProfile Stacks, StackProfile? Wait) Read()
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
        var waitIndex = profile.SampleType.ToList().FindIndex(t => String(t.Type, "sample_type type") == PprofFormat.WaitType);
        var (waitUnit, waitScale) = waitIndex >= 0 && waitIndex != valueIndex ? Unit(waitIndex) : ("samples", 0);
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

            var origin = Origin(sample, s);
            Add(_builder, stack, Math.Max(0, sample.Value[valueIndex]) * scale, origin);
            if (waitScale > 0)
            {
                // The waiting stacks index the same frames.
                Add(_wait ??= new StackProfileBuilder(_builder), stack, Math.Max(0, sample.Value[waitIndex]) * waitScale, origin);
            }
        }

        return (_builder.Build(unit), waitScale > 0 ? (_wait ?? new StackProfileBuilder(_builder)).Build(waitUnit) : null);
    }

    private static void Add(StackProfileBuilder builder, List<int> stack, double weight, (int? Pid, int? Tid, int? Second, string? Thread) origin)
    {
        if (weight <= 0)
        {
            return;
        }

        builder.Add(stack, weight, origin.Pid, origin.Tid, origin.Second);
        if (origin is { Pid: { } pid, Tid: { } tid, Thread: { } name })
        {
            builder.NameThread(pid, tid, name);
        }
    }

    // Labels other tools write under the same keys with other meanings (a negative or huge number) are left out.
    private (int? Pid, int? Tid, int? Second, string? Thread) Origin(Proto.Sample sample, int s)
    {
        (int? Pid, int? Tid, int? Second, string? Thread) origin = default;
        foreach (var label in sample.Label)
        {
            var number = label.Num is >= 0 and <= int.MaxValue ? (int?)label.Num : null;
            switch (String(label.Key, $"sample {s} label key"))
            {
                case PprofFormat.PidLabel:
                    origin.Pid = number;
                    break;
                case PprofFormat.TidLabel:
                    origin.Tid = number;
                    break;
                case PprofFormat.SecondLabel:
                    origin.Second = number;
                    break;
                case PprofFormat.ThreadLabel:
                    origin.Thread = String(label.Str, $"sample {s} label thread");
                    break;
                default:
                    break;
            }
        }

        return origin;
    }

    // pprof shows default_sample_type when set, else the last sample type.
    private (int Index, string Unit, double Scale) Chosen()
    {
        var index = profile.SampleType.Count - 1;
        if (profile.DefaultSampleType != 0)
        {
            var named = profile.SampleType.ToList().FindIndex(t => t.Type == profile.DefaultSampleType);
            index = named >= 0 ? named : index;
        }

        var (unit, scale) = Unit(index);
        return (index, unit, scale);
    }

    // Time units become ns so sessions compare.
    private (string Unit, double Scale) Unit(int index) =>
        String(profile.SampleType[index].Unit, "sample_type unit") switch
        {
            "nanoseconds" => ("ns", 1),
            "microseconds" => ("ns", 1e3),
            "milliseconds" => ("ns", 1e6),
            "seconds" => ("ns", 1e9),
            "bytes" => ("bytes", 1),
            _ => ("samples", 1),
        };

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
