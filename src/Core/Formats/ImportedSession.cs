using RustScope.Core.Model;

namespace RustScope.Core.Formats;

/// <summary>Wraps stacks read from another tool's file in a session: stacks only, no process measured, no runs.</summary>
internal static class ImportedSession
{
    public static ProfileSession Of(StackProfile stacks, string path, string format) => new()
    {
        SchemaVersion = SessionJson.CurrentSchemaVersion,
        Meta = new SessionMeta { Project = Project(path), StartTs = 0, TargetBinary = format },
        Summary = new SessionSummary { DurationS = 0, CpuPctMean = 0, CpuPctMax = 0, PeakRssMb = 0, PeakThreads = 0, PeakFds = 0, EventCount = 0 },
        Stacks = stacks,
    };

    // "app.cpu.pb.gz" is project "app.cpu": the name without the format's extensions.
    private static string Project(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in (string[])[".gz", ".pb", ".pprof", ".json", ".speedscope", ".folded", ".collapsed", ".txt"])
        {
            if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        return name;
    }
}
