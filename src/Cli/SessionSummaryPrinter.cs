using System.Globalization;
using RustScope.Core.Diagnostics;
using RustScope.Cli.Show;
using RustScope.Core.Model;
using static System.FormattableString;

namespace RustScope.Cli;

/// <summary>Prints a session's summary as plain, aligned text.</summary>
internal static class SessionSummaryPrinter
{
    public static void Print(ProfileSession session, TextWriter output, params IEnumerable<(string Label, string Value)> extra)
    {
        var meta = session.Meta;
        var summary = session.Summary;
        (string Label, string Value)[] lines =
        [
            ("target", TerminalText.Neutralize(string.Join(' ', [meta.TargetBinary, .. meta.Args.Select(Quoted)]), TextCap.Line)),
            ("project", TerminalText.Neutralize(meta.Project, TextCap.Name)),
            ("termination", meta.Termination?.ToString().ToLowerInvariant() ?? "unknown"),
            ("exit code", meta.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("duration", Invariant($"{summary.DurationS:F2} s")),
            ("cpu mean / max", Invariant($"{summary.CpuPctMean:F1} % / {summary.CpuPctMax:F1} %")),
            ("peak rss", Invariant($"{summary.PeakRssMb:F1} MB")),
            ("peak threads", Invariant($"{summary.PeakThreads}")),
            ("peak fds", Invariant($"{summary.PeakFds}")),
            ("processes", Invariant($"{summary.Processes.Count}")),
            ("events", Invariant($"{summary.EventCount}")),
            // Never silent: a run that tracked native allocations always says how many events its shim dropped.
            .. session.NativeAllocations is { } native ? [("native dropped", Invariant($"{native.Dropped} events"))] : Array.Empty<(string, string)>(),
            .. session.Runs.Count > 0 ? [("runs", Invariant($"{session.Runs.Count} (summary shows the last)"))] : Array.Empty<(string, string)>(),
            .. extra,
        ];
        LabelledLines.Write(output, lines);
        ProcessTablePrinter.Print(summary.Processes, output);
    }

    // Arguments as a shell user would retype them: an empty one or one with spaces or quotes is single-quoted.
    private static string Quoted(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$' or '`')
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
