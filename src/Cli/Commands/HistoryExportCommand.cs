using System.CommandLine;
using System.Globalization;
using RustScope.Cli.History;
using RustScope.Core.IO;
using RustScope.Core.Model;
using RustScope.History;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history export --since 2026-11-01 -o DIR</c>: the stored sessions back as session files,
/// <c>TARGET-COMMIT-HASH.json</c>, for any command that reads sessions.
/// </summary>
internal static class HistoryExportCommand
{
    public static Command Create(CliConsole console)
    {
        var since = new Option<string?>("--since") { Description = "Only sessions started at or after this: a date (2026-11-01), a time (2026-11-01T12:00Z) or an age (30d, 12h)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "The folder to write the session files to.", Required = true };
        var target = new Option<string?>("--target") { Description = "Only this target's sessions." };
        var branch = new Option<string?>("--branch") { Description = "Only sessions pushed for this branch." };
        var store = new HistoryStoreOption();
        var command = new Command("export", "Write stored sessions back as session files.") { since, output, target, branch, store.Store };
        command.SetAction((parse, _) => HistoryAction.RunAsync(console, () =>
        {
            var from = Since(parse.GetValue(since), DateTimeOffset.UtcNow);
            using var history = store.Open(parse, console);
            var sessions = history.List(new SessionQuery { Since = from, Target = parse.GetValue(target), Branch = parse.GetValue(branch) });
            var directory = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(directory);
            foreach (var stored in sessions)
            {
                var name = $"{SafeFileName.From(stored.Target)}-{stored.Commit[..Math.Min(12, stored.Commit.Length)]}-{stored.Hash[..8]}.json";
                SessionJson.Write(history.Load(stored.Hash), Path.Combine(directory, name));
            }

            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {sessions.Count} session(s) to {directory}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The time <paramref name="text"/> names: an absolute time, or an age in days or hours before <paramref name="now"/>.</summary>
    internal static DateTimeOffset? Since(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > 1 && text[^1] is 'd' or 'h' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var age) && age >= 0)
        {
            return now - (text[^1] == 'd' ? TimeSpan.FromDays(age) : TimeSpan.FromHours(age));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw HistoryAction.Invalid($"--since: '{text}' is neither a date (2026-11-01), a time (2026-11-01T12:00Z) nor an age (30d, 12h)");
    }
}
