using System.Text.Json;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>
/// The Firefox Profiler's processed format, as samply writes it
/// (https://github.com/firefox-devtools/profiler/blob/main/docs-developer/processed-profile-format.md): per thread a
/// samples table pointing into a stack table (a tree through <c>prefix</c>), frames, functions and strings. Every
/// thread's samples are merged into one set of stacks; a function's resource (its library) becomes the module.
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
}
