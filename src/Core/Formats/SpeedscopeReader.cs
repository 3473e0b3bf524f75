using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// Reads a speedscope file's profiles, sampled and evented, into one <see cref="StackProfile"/>, keeping the thread a
/// profile's name gives (<see cref="SpeedscopeFormat.Origin"/>) and the waiting stacks apart.
/// </summary>
internal sealed class SpeedscopeReader(JsonElement root, string sourceName)
{
    private readonly JsonInput _json = new(sourceName, DiagnosticCodes.SpeedscopeInvalid);
    private readonly StackProfileBuilder _builder = new();
    private StackProfileBuilder? _wait;
    private int[] _frames = [];
    private string? _unit;

    public (StackProfile Stacks, StackProfile? Wait) Read()
    {
        _json.Object(root, "$");
        var shared = _json.Object(_json.Required(root, "shared", "$"), "$.shared");
        var frames = _json.Array(shared, "frames", "$.shared");
        _frames = new int[frames.GetArrayLength()];
        var i = 0;
        foreach (var frame in frames.EnumerateArray())
        {
            var path = $"$.shared.frames[{i}]";
            _json.Object(frame, path);
            var module = JsonInput.Optional(frame, "file") is { } file ? _json.String(file, $"{path}.file") : null;
            _frames[i++] = _builder.Frame(_json.String(_json.Required(frame, "name", path), $"{path}.name"), module);
        }

        i = 0;
        foreach (var profile in _json.Array(root, "profiles", "$").EnumerateArray())
        {
            var path = $"$.profiles[{i++}]";
            _json.Object(profile, path);
            var scale = Scale(profile, path);
            var name = JsonInput.Optional(profile, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            var origin = SpeedscopeFormat.Origin(name);
            // The waiting stacks index the same frames.
            var into = origin.Wait ? _wait ??= new StackProfileBuilder(_builder) : _builder;
            if (origin is { Pid: { } pid, Tid: { } tid })
            {
                into.NameThread(pid, tid, origin.Thread);
            }

            switch (_json.String(_json.Required(profile, "type", path), $"{path}.type"))
            {
                case "sampled":
                    Sampled(profile, path, scale, into, origin);
                    break;
                case "evented":
                    Evented(profile, path, scale, into, origin);
                    break;
                default:
                    throw _json.Invalid($"{path}.type", "expected \"sampled\" or \"evented\"");
            }
        }

        return (_builder.Build(_unit ?? "samples"), _wait?.Build(_unit ?? "samples"));
    }

    // Every profile must land in one unit: times become ns, and time never mixes with bytes or plain counts.
    private double Scale(JsonElement profile, string path)
    {
        var (unit, scale) = _json.String(_json.Required(profile, "unit", path), $"{path}.unit") switch
        {
            "none" => ("samples", 1.0),
            "nanoseconds" => ("ns", 1.0),
            "microseconds" => ("ns", 1e3),
            "milliseconds" => ("ns", 1e6),
            "seconds" => ("ns", 1e9),
            "bytes" => ("bytes", 1.0),
            var other => throw _json.Invalid($"{path}.unit", $"unknown unit '{other}'"),
        };
        if (_unit is not null && _unit != unit)
        {
            throw _json.Invalid($"{path}.unit", $"this profile counts {unit} where an earlier one counts {_unit}; RustScope keeps one unit per file");
        }

        _unit = unit;
        return scale;
    }

    private void Sampled(JsonElement profile, string path, double scale, StackProfileBuilder into, (int? Pid, int? Tid, string? Thread, bool Wait) origin)
    {
        var samples = _json.Array(profile, "samples", path);
        var weights = JsonInput.Optional(profile, "weights") is { } w ? _json.Array(w, $"{path}.weights") : (JsonElement?)null;
        if (weights is { } given && given.GetArrayLength() != samples.GetArrayLength())
        {
            throw _json.Invalid($"{path}.weights", $"{given.GetArrayLength()} weights for {samples.GetArrayLength()} samples");
        }

        var s = 0;
        var stack = new List<int>();
        foreach (var sample in samples.EnumerateArray())
        {
            var samplePath = $"{path}.samples[{s}]";
            stack.Clear();
            var f = 0;
            foreach (var frame in _json.Array(sample, samplePath).EnumerateArray())
            {
                stack.Add(_frames[_json.Index(frame, _frames.Length, $"{samplePath}[{f++}]")]);
            }

            var weight = weights is { } all ? _json.Number(all[s], $"{path}.weights[{s}]") : 1;
            if (weight < 0)
            {
                throw _json.Invalid($"{path}.weights[{s}]", "a weight is negative");
            }

            into.Add(stack, weight * scale, origin.Pid, origin.Tid);
            s++;
        }
    }

    // Time between two events belongs to the stack open in between; a close must match the innermost open frame.
    private void Evented(JsonElement profile, string path, double scale, StackProfileBuilder into, (int? Pid, int? Tid, string? Thread, bool Wait) origin)
    {
        var open = new List<int>();
        double? last = null;
        var e = 0;
        foreach (var item in _json.Array(profile, "events", path).EnumerateArray())
        {
            var eventPath = $"{path}.events[{e++}]";
            _json.Object(item, eventPath);
            var at = _json.Number(_json.Required(item, "at", eventPath), $"{eventPath}.at");
            if (last is { } previous)
            {
                if (at < previous)
                {
                    throw _json.Invalid($"{eventPath}.at", "events go back in time");
                }

                into.Add(open, (at - previous) * scale, origin.Pid, origin.Tid);
            }

            last = at;
            var frame = _frames[_json.Index(_json.Required(item, "frame", eventPath), _frames.Length, $"{eventPath}.frame")];
            switch (_json.String(_json.Required(item, "type", eventPath), $"{eventPath}.type"))
            {
                case "O":
                    open.Add(frame);
                    break;
                case "C" when open.Count > 0 && open[^1] == frame:
                    open.RemoveAt(open.Count - 1);
                    break;
                case "C":
                    throw _json.Invalid(eventPath, "closes a frame that is not the innermost open one");
                default:
                    throw _json.Invalid($"{eventPath}.type", "expected \"O\" or \"C\"");
            }
        }
    }
}
