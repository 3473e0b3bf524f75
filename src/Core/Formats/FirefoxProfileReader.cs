using System.Globalization;
using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Walks a processed profile's tables into one <see cref="StackProfile"/>. Older versions keep the tables in each thread
/// and link stacks by <c>prefix</c>; newer ones (samply today) share them in <c>$.shared</c> and store
/// <c>prefixOffset</c>, the distance back to the caller. Both are read. Each thread's pid, tid and name, its process's
/// name and each sample's second (from <c>samples.time</c> or <c>timeDeltas</c>, ms from <c>meta.startTime</c>) are kept
/// where the profile gives them; ids and times it gives in another shape are left out rather than refused.
/// </summary>
internal sealed class FirefoxProfileReader(JsonElement root, string sourceName)
{
    private readonly JsonInput _json = new(sourceName, DiagnosticCodes.FirefoxProfileInvalid);
    private readonly StackProfileBuilder _builder = new();
    private readonly Dictionary<string, (int[] Frames, int[]?[] Stacks)> _tables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, string> _processes = [];
    private string? _unit;

    /// <summary>The process names the threads gave, by pid (filled by <see cref="Read"/>).</summary>
    public IReadOnlyDictionary<int, string> Processes => _processes;

    public StackProfile Read()
    {
        var i = 0;
        foreach (var thread in _json.Array(root, "threads", "$").EnumerateArray())
        {
            Thread(_json.Object(thread, $"$.threads[{i}]"), $"$.threads[{i}]");
            i++;
        }

        return _builder.Build(_unit ?? "samples");
    }

    private void Thread(JsonElement thread, string path)
    {
        var (stackTable, stackPath) = Table(thread, "stackTable", path);
        var stackFrames = _json.Array(stackTable, "frame", stackPath);
        var stackCount = stackFrames.GetArrayLength();
        var (prefixes, offsets) = JsonInput.Optional(stackTable, "prefixOffset") is { } o
            ? (_json.Array(o, $"{stackPath}.prefixOffset"), true)
            : (_json.Array(stackTable, "prefix", stackPath), false);
        // Shared tables are walked once for every thread that uses them.
        if (!_tables.TryGetValue(stackPath, out var tables))
        {
            tables = (Frames(thread, path), new int[]?[stackCount]);
            _tables.Add(stackPath, tables);
        }

        var walk = new StackWalk(tables.Stacks, prefixes, offsets, stackFrames, tables.Frames, stackPath);
        var samples = _json.Object(_json.Required(thread, "samples", path), $"{path}.samples");
        var sampleStacks = _json.Array(samples, "stack", $"{path}.samples");
        var weights = JsonInput.Optional(samples, "weight") is { } w ? _json.Array(w, $"{path}.samples.weight") : (JsonElement?)null;
        var scale = Scale(samples, path);
        var (pid, tid) = (Id(thread, "pid"), Id(thread, "tid"));
        if (pid is { } p && tid is { } t)
        {
            _builder.NameThread(p, t, JsonInput.Optional(thread, "name") is { ValueKind: JsonValueKind.String } name ? name.GetString() : null);
        }

        if (pid is { } owner && JsonInput.Optional(thread, "processName") is { ValueKind: JsonValueKind.String } process && process.GetString() is { Length: > 0 } processName)
        {
            _processes[owner] = processName;
        }

        var times = new SampleTimes(samples);
        var s = 0;
        foreach (var sample in sampleStacks.EnumerateArray())
        {
            var second = times.Second(s);
            // A null stack is a sample taken while the thread ran no code the profiler could see.
            if (sample.ValueKind != JsonValueKind.Null)
            {
                var stack = Stack(_json.Index(sample, stackCount, $"{path}.samples.stack[{s}]"), walk);
                var weight = weights is { } all
                    ? s < all.GetArrayLength() ? _json.Number(all[s], $"{path}.samples.weight[{s}]") : throw _json.Invalid($"{path}.samples.weight", "fewer weights than samples")
                    : 1;
                _builder.Add(stack, Math.Max(0, weight) * scale, pid, tid, second);
            }

            s++;
        }
    }

    // pid is a string in current profiles, tid a number or a string: either shape of a whole non-negative number.
    private static int? Id(JsonElement thread, string name) => JsonInput.Optional(thread, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var id) && id >= 0 => id,
        { ValueKind: JsonValueKind.String } t when int.TryParse(t.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    // A stack node's caller is its prefix; stacks are built once per node, root first, and the walk is bounded so a
    // cyclic prefix column is reported rather than followed forever.
    private int[] Stack(int node, StackWalk walk)
    {
        var stacks = walk.Stacks;
        if (stacks[node] is { } known)
        {
            return known;
        }

        var chain = new List<int>();
        for (int? at = node; at is { } current; at = Parent(current, walk))
        {
            if (chain.Count > stacks.Length)
            {
                throw _json.Invalid($"{walk.Path}.prefix[{current}]", "the prefix column has a cycle");
            }

            chain.Add(current);
            if (stacks[current] is not null)
            {
                break;
            }
        }

        chain.Reverse();
        var stack = new List<int>(stacks[chain[0]] ?? [FrameOf(chain[0], walk)]);
        stacks[chain[0]] = [.. stack];
        foreach (var at in chain.Skip(1))
        {
            stack.Add(FrameOf(at, walk));
            stacks[at] = [.. stack];
        }

        return stacks[node]!;
    }

    private int? Parent(int at, StackWalk walk)
    {
        var column = walk.Offsets ? "prefixOffset" : "prefix";
        if (at >= walk.Prefixes.GetArrayLength())
        {
            throw _json.Invalid($"{walk.Path}.{column}", $"no {column} for stack {at}");
        }

        var prefix = walk.Prefixes[at];
        if (walk.Offsets)
        {
            // prefixOffset = index - caller, 0 for a root: callers always come first.
            var offset = _json.Index(prefix, at + 1, $"{walk.Path}.prefixOffset[{at}]");
            return offset == 0 ? null : at - offset;
        }

        return prefix.ValueKind == JsonValueKind.Null ? null : _json.Index(prefix, walk.Stacks.Length, $"{walk.Path}.prefix[{at}]");
    }

    private int FrameOf(int node, StackWalk walk) =>
        walk.Frames[_json.Index(walk.StackFrames[node], walk.Frames.Length, $"{walk.Path}.frame[{node}]")];

    // frameTable.func → funcTable.name (a string index) and funcTable.resource → resourceTable.name: the library.
    private int[] Frames(JsonElement thread, string path)
    {
        var strings = Strings(thread, path);
        var (frameTable, framePath) = Table(thread, "frameTable", path);
        var (funcTable, funcPath) = Table(thread, "funcTable", path);
        var names = _json.Array(funcTable, "name", funcPath);
        var resources = JsonInput.Optional(funcTable, "resource") is { } r ? _json.Array(r, $"{funcPath}.resource") : (JsonElement?)null;
        var (resourceNames, resourcePath) = OptionalTable(thread, "resourceTable", path) is ({ } table, var tablePath) && JsonInput.Optional(table, "name") is { } n
            ? (_json.Array(n, $"{tablePath}.name"), $"{tablePath}.name")
            : ((JsonElement?)null, "");
        var functions = new int[names.GetArrayLength()];
        for (var f = 0; f < functions.Length; f++)
        {
            var name = strings[_json.Index(names[f], strings.Length, $"{funcPath}.name[{f}]")];
            string? module = null;
            if (resources is { } all && f < all.GetArrayLength() && resourceNames is { } resourceName
                && all[f].ValueKind == JsonValueKind.Number && all[f].TryGetInt32(out var resource) && resource >= 0)
            {
                module = resource < resourceName.GetArrayLength()
                    ? strings[_json.Index(resourceName[resource], strings.Length, $"{resourcePath}[{resource}]")]
                    : throw _json.Invalid($"{funcPath}.resource[{f}]", $"resource {resource} is outside the resource table");
            }

            functions[f] = _builder.Frame(name.Length > 0 ? name : "?", module);
        }

        var funcs = _json.Array(frameTable, "func", framePath);
        var frames = new int[funcs.GetArrayLength()];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = functions[_json.Index(funcs[i], functions.Length, $"{framePath}.func[{i}]")];
        }

        return frames;
    }

    // The string table moved over the format's versions: thread.stringArray, older thread.stringTable, newer shared.stringArray.
    private string[] Strings(JsonElement thread, string path)
    {
        var (array, arrayPath) = JsonInput.Optional(thread, "stringArray") is { } a ? (a, $"{path}.stringArray")
            : JsonInput.Optional(thread, "stringTable") is { } t ? (t, $"{path}.stringTable")
            : Shared("stringArray") is { } s ? (s, "$.shared.stringArray")
            : throw _json.Invalid(path, "the thread has no stringArray (nor does $.shared)");
        _json.Array(array, arrayPath);
        var strings = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            strings[i] = _json.String(item, $"{arrayPath}[{i}]");
            i++;
        }

        return strings;
    }

    private (JsonElement Table, string Path) Table(JsonElement thread, string name, string path) =>
        OptionalTable(thread, name, path) is ({ } table, var tablePath)
            ? (table, tablePath)
            : throw _json.Invalid(path, $"the thread has no {name} (nor does $.shared)");

    private (JsonElement? Table, string Path) OptionalTable(JsonElement thread, string name, string path) =>
        JsonInput.Optional(thread, name) is { } own ? (_json.Object(own, $"{path}.{name}"), $"{path}.{name}")
            : Shared(name) is { } shared ? (_json.Object(shared, $"$.shared.{name}"), $"$.shared.{name}")
            : (null, "");

    private JsonElement? Shared(string name) =>
        JsonInput.Optional(root, "shared") is { } shared ? JsonInput.Optional(_json.Object(shared, "$.shared"), name) : null;

    private double Scale(JsonElement samples, string path)
    {
        var (unit, scale) = JsonInput.Optional(samples, "weightType") is { } type
            ? _json.String(type, $"{path}.samples.weightType") switch
            {
                "samples" => ("samples", 1.0),
                "tracing-ms" => ("ns", 1e6),
                "bytes" => ("bytes", 1.0),
                var other => throw _json.Invalid($"{path}.samples.weightType", $"unknown weight type '{other}'"),
            }
            : ("samples", 1.0);
        if (_unit is not null && _unit != unit)
        {
            throw _json.Invalid($"{path}.samples.weightType", $"this thread counts {unit} where an earlier one counts {_unit}");
        }

        _unit = unit;
        return scale;
    }

    /// <summary>One stack table as a thread sees it: its columns, where it is, and the stacks built from it so far.</summary>
    private sealed record StackWalk(int[]?[] Stacks, JsonElement Prefixes, bool Offsets, JsonElement StackFrames, int[] Frames, string Path);
}
