using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// speedscope's file format (https://www.speedscope.app/file-format-schema.json): frames shared by every profile, and
/// profiles either <c>sampled</c> (stacks root first, with weights) or <c>evented</c> (open and close events in time).
/// A frame's <c>file</c> carries the module. RustScope writes one profile per thread (<c>PID/TID NAME</c>) and the
/// waiting stacks as profiles named <c>[waiting] PID/TID NAME</c>, and reads those names back; the second a stack was
/// sampled in is not kept.
/// </summary>
public static partial class SpeedscopeFormat
{
    private const string Schema = "https://www.speedscope.app/file-format-schema.json";
    private const string WaitPrefix = "[waiting] ";

    /// <summary>True when the parsed JSON is a speedscope file: it names the schema, or has shared frames and profiles.</summary>
    public static bool IsSpeedscope(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && ((root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String && schema.GetString()!.Contains("speedscope", StringComparison.Ordinal))
            || (root.TryGetProperty("shared", out _) && root.TryGetProperty("profiles", out _)));

    /// <summary>
    /// Writes the stacks as sampled profiles: one named <paramref name="name"/> when no stack says its thread, else one
    /// per thread named <c>PID/TID NAME</c> (<c>pid PID</c> for a process's stacks of no known thread); zero weights
    /// are left out.
    /// </summary>
    public static byte[] Write(StackProfile stacks, string name) => Write(stacks, null, name);

    /// <summary>Reads every profile of the file into one set of stacks (time units become ns).</summary>
    /// <exception cref="InputException">The JSON is not valid speedscope (the message gives the JSON path).</exception>
    public static StackProfile Read(JsonElement root, string sourceName) => new SpeedscopeReader(root, sourceName).Read().Stacks;

    /// <summary>Reads as <see cref="Read"/> does, with the profiles named <c>[waiting] …</c> as waiting stacks.</summary>
    internal static (StackProfile Stacks, StackProfile? Wait) ReadWithWait(JsonElement root, string sourceName) => new SpeedscopeReader(root, sourceName).Read();

    /// <summary>Writes the stacks as <see cref="Write(StackProfile, string)"/> does, then the waiting stacks' profiles, named <c>[waiting] …</c>.</summary>
    internal static byte[] Write(StackProfile stacks, StackProfile? wait, string name)
    {
        // Both sets share speedscope's one frame list: the waiting stacks' frames are found in it or added.
        var frames = stacks.Frames.ToList();
        var waitFrames = wait is null ? [] : Remap(wait.Frames, frames);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("name", name);
            json.WriteString("exporter", "rustscope");
            json.WriteNumber("activeProfileIndex", 0);
            json.WriteStartObject("shared");
            json.WriteStartArray("frames");
            foreach (var frame in frames)
            {
                json.WriteStartObject();
                json.WriteString("name", frame.Name);
                if (frame.Module is { } module)
                {
                    json.WriteString("file", module);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("profiles");
            WriteThreads(json, stacks, null, name, "");
            if (wait is not null)
            {
                WriteThreads(json, wait, waitFrames, name, WaitPrefix);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The thread a profile's name says (as <see cref="Write(StackProfile, string)"/> names them), and whether it holds waiting stacks.</summary>
    internal static (int? Pid, int? Tid, string? Thread, bool Wait) Origin(string? name)
    {
        var wait = name?.StartsWith(WaitPrefix, StringComparison.Ordinal) == true;
        var rest = wait ? name![WaitPrefix.Length..] : name;
        if (rest is not null && ThreadName().Match(rest) is { Success: true } thread
            && int.TryParse(thread.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && int.TryParse(thread.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
        {
            return (pid, tid, thread.Groups[3].Success ? thread.Groups[3].Value : null, wait);
        }

        return rest is not null && ProcessName().Match(rest) is { Success: true } process
            && int.TryParse(process.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var only)
            ? (only, null, null, wait)
            : (null, null, null, wait);
    }

    private static int[] Remap(IReadOnlyList<StackFrame> from, List<StackFrame> into)
    {
        var index = new Dictionary<StackFrame, int>();
        for (var i = 0; i < into.Count; i++)
        {
            index.TryAdd(into[i], i);
        }

        var map = new int[from.Count];
        for (var i = 0; i < from.Count; i++)
        {
            if (!index.TryGetValue(from[i], out map[i]))
            {
                map[i] = into.Count;
                index.Add(from[i], into.Count);
                into.Add(from[i]);
            }
        }

        return map;
    }

    private static void WriteThreads(Utf8JsonWriter json, StackProfile stacks, int[]? frameMap, string name, string prefix)
    {
        var names = stacks.Threads.Where(static t => t.Name is not null).ToDictionary(static t => (t.Pid, t.Tid), static t => t.Name!);
        var threads = stacks.Samples
            .Where(static s => s.Weight > 0 && s.Stack.Count > 0)
            .GroupBy(static s => (s.Pid, s.Tid))
            .OrderBy(static g => g.Key.Pid ?? -1)
            .ThenBy(static g => g.Key.Tid ?? -1);
        var written = false;
        foreach (var thread in threads)
        {
            written = true;
            var title = thread.Key switch
            {
                ({ } pid, { } tid) => names.TryGetValue((pid, tid), out var threadName)
                    ? FormattableString.Invariant($"{pid}/{tid} {threadName}")
                    : FormattableString.Invariant($"{pid}/{tid}"),
                ({ } pid, null) => FormattableString.Invariant($"pid {pid}"),
                _ => name,
            };
            WriteSampled(json, [.. thread], stacks.Unit, frameMap, prefix + title);
        }

        // speedscope opens activeProfileIndex 0: a file without stacks still gets its (empty) profile.
        if (!written && prefix.Length == 0)
        {
            WriteSampled(json, [], stacks.Unit, frameMap, name);
        }
    }

    private static void WriteSampled(Utf8JsonWriter json, List<StackSample> kept, string unit, int[]? frameMap, string name)
    {
        json.WriteStartObject();
        json.WriteString("type", "sampled");
        json.WriteString("name", name);
        json.WriteString("unit", unit switch { "ns" => "nanoseconds", "bytes" => "bytes", _ => "none" });
        json.WriteNumber("startValue", 0);
        json.WriteNumber("endValue", kept.Sum(static s => s.Weight));
        json.WriteStartArray("samples");
        foreach (var sample in kept)
        {
            json.WriteStartArray();
            foreach (var frame in sample.Stack)
            {
                json.WriteNumberValue(frameMap is null ? frame : frameMap[frame]);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("weights");
        foreach (var sample in kept)
        {
            json.WriteNumberValue(sample.Weight);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    [GeneratedRegex(@"^(\d{1,9})/(\d{1,9})(?: (.*))?$", RegexOptions.Singleline)]
    private static partial Regex ThreadName();

    [GeneratedRegex(@"^pid (\d{1,9})$")]
    private static partial Regex ProcessName();
}
