using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>Walks a processed profile's per-thread tables into one <see cref="StackProfile"/>.</summary>
internal sealed class FirefoxProfileReader(JsonElement root, string sourceName)
{
    private readonly JsonInput _json = new(sourceName, DiagnosticCodes.FirefoxProfileInvalid);
    private readonly StackProfileBuilder _builder = new();
    private string? _unit;

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
        var strings = Strings(thread, path);
        var frames = Frames(thread, path, strings);
        var stackTable = _json.Object(_json.Required(thread, "stackTable", path), $"{path}.stackTable");
        var prefixes = _json.Array(stackTable, "prefix", $"{path}.stackTable");
        var stackFrames = _json.Array(stackTable, "frame", $"{path}.stackTable");
        var stackCount = stackFrames.GetArrayLength();
        var stacks = new int[]?[stackCount];

        var samples = _json.Object(_json.Required(thread, "samples", path), $"{path}.samples");
        var sampleStacks = _json.Array(samples, "stack", $"{path}.samples");
        var weights = JsonInput.Optional(samples, "weight") is { } w ? _json.Array(w, $"{path}.samples.weight") : (JsonElement?)null;
        var scale = Scale(samples, path);
        var s = 0;
        foreach (var sample in sampleStacks.EnumerateArray())
        {
            var samplePath = $"{path}.samples.stack[{s}]";
            // A null stack is a sample taken while the thread ran no code the profiler could see.
            if (sample.ValueKind != JsonValueKind.Null)
            {
                var stack = Stack(_json.Index(sample, stackCount, samplePath), stacks, prefixes, stackFrames, frames, $"{path}.stackTable");
                var weight = weights is { } all
                    ? s < all.GetArrayLength() ? _json.Number(all[s], $"{path}.samples.weight[{s}]") : throw _json.Invalid($"{path}.samples.weight", "fewer weights than samples")
                    : 1;
                _builder.Add(stack, Math.Max(0, weight) * scale);
            }

            s++;
        }
    }

    // The stack table is a tree: a node's prefix is its caller. Stacks are built once per node, root first, and the walk
    // is bounded so a cyclic prefix column is reported rather than followed forever.
    private int[] Stack(int node, int[]?[] stacks, JsonElement prefixes, JsonElement stackFrames, int[] frames, string path)
    {
        if (stacks[node] is { } known)
        {
            return known;
        }

        var chain = new List<int>();
        for (var at = node; ; )
        {
            if (chain.Count > stacks.Length)
            {
                throw _json.Invalid($"{path}.prefix[{at}]", "the prefix column has a cycle");
            }

            chain.Add(at);
            if (at >= prefixes.GetArrayLength())
            {
                throw _json.Invalid($"{path}.prefix", $"no prefix for stack {at}");
            }

            var prefix = prefixes[at];
            if (prefix.ValueKind == JsonValueKind.Null)
            {
                break;
            }

            at = _json.Index(prefix, stacks.Length, $"{path}.prefix[{at}]");
            if (stacks[at] is not null)
            {
                chain.Add(at);
                break;
            }
        }

        chain.Reverse();
        var stack = new List<int>(stacks[chain[0]] ?? [frames[_json.Index(stackFrames[chain[0]], frames.Length, $"{path}.frame[{chain[0]}]")]]);
        stacks[chain[0]] = [.. stack];
        foreach (var at in chain.Skip(1))
        {
            stack.Add(frames[_json.Index(stackFrames[at], frames.Length, $"{path}.frame[{at}]")]);
            stacks[at] = [.. stack];
        }

        return stacks[node]!;
    }

    // frameTable.func → funcTable.name (a string index) and funcTable.resource → resourceTable.name: the library.
    private int[] Frames(JsonElement thread, string path, string[] strings)
    {
        var frameTable = _json.Object(_json.Required(thread, "frameTable", path), $"{path}.frameTable");
        var funcTable = _json.Object(_json.Required(thread, "funcTable", path), $"{path}.funcTable");
        var names = _json.Array(funcTable, "name", $"{path}.funcTable");
        var resources = JsonInput.Optional(funcTable, "resource") is { } r ? _json.Array(r, $"{path}.funcTable.resource") : (JsonElement?)null;
        var resourceNames = JsonInput.Optional(thread, "resourceTable") is { } table && JsonInput.Optional(_json.Object(table, $"{path}.resourceTable"), "name") is { } n
            ? _json.Array(n, $"{path}.resourceTable.name")
            : (JsonElement?)null;
        var functions = new int[names.GetArrayLength()];
        for (var f = 0; f < functions.Length; f++)
        {
            var name = strings[_json.Index(names[f], strings.Length, $"{path}.funcTable.name[{f}]")];
            string? module = null;
            if (resources is { } all && f < all.GetArrayLength() && resourceNames is { } resourceName
                && all[f].ValueKind == JsonValueKind.Number && all[f].TryGetInt32(out var resource) && resource >= 0)
            {
                var namePath = $"{path}.resourceTable.name[{resource}]";
                module = resource < resourceName.GetArrayLength()
                    ? strings[_json.Index(resourceName[resource], strings.Length, namePath)]
                    : throw _json.Invalid($"{path}.funcTable.resource[{f}]", $"resource {resource} is outside the resource table");
            }

            functions[f] = _builder.Frame(name.Length > 0 ? name : "?", module);
        }

        var funcs = _json.Array(frameTable, "func", $"{path}.frameTable");
        var frames = new int[funcs.GetArrayLength()];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = functions[_json.Index(funcs[i], functions.Length, $"{path}.frameTable.func[{i}]")];
        }

        return frames;
    }

    // The string table moved over the format's versions: thread.stringArray, older thread.stringTable, newer profile.shared.stringArray.
    private string[] Strings(JsonElement thread, string path)
    {
        var (array, arrayPath) = JsonInput.Optional(thread, "stringArray") is { } a ? (a, $"{path}.stringArray")
            : JsonInput.Optional(thread, "stringTable") is { } t ? (t, $"{path}.stringTable")
            : JsonInput.Optional(root, "shared") is { } shared && JsonInput.Optional(_json.Object(shared, "$.shared"), "stringArray") is { } s ? (s, "$.shared.stringArray")
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
}
