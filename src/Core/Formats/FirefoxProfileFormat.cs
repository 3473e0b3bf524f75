using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// The Firefox Profiler's processed format, as samply writes it
/// (https://github.com/firefox-devtools/profiler/blob/main/docs-developer/processed-profile-format.md): per thread a
/// samples table pointing into a stack table (a tree through <c>prefix</c>), frames, functions and strings. Every
/// thread's samples go into one set of stacks, each keeping its thread's pid and tid and its second; a function's
/// resource (its library) becomes the module.
/// </summary>
public static class FirefoxProfileFormat
{
    /// <summary>True when the parsed JSON is a processed profile: a <c>meta</c> with a numeric <c>version</c>, and <c>threads</c>.</summary>
    public static bool IsProcessedProfile(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number
        && root.TryGetProperty("threads", out _);

    /// <summary>Reads every thread's samples into one set of stacks.</summary>
    /// <exception cref="InputException">The profile's tables are malformed (the message gives the JSON path).</exception>
    public static StackProfile Read(JsonElement root, string sourceName) => new FirefoxProfileReader(root, sourceName).Read();

    /// <summary>The profile as a session: its stacks, its start (<c>meta.startTime</c>) and its processes' names.</summary>
    internal static ProfileSession ReadSession(JsonElement root, string sourceName)
    {
        var reader = new FirefoxProfileReader(root, sourceName);
        var session = ImportedSession.Of(reader.Read(), sourceName, "firefox-profiler");
        var start = root.GetProperty("meta").TryGetProperty("startTime", out var time) && time.ValueKind == JsonValueKind.Number && time.TryGetDouble(out var ms) && ms is > 0 and < long.MaxValue ? (long)ms : 0;
        return session with
        {
            Meta = session.Meta with { StartTs = start },
            Summary = session.Summary with { Processes = [.. reader.Processes.Select(static p => new ProcessSummary { Pid = p.Key, Name = p.Value })] },
        };
    }
}
