using System.CommandLine;
using System.Globalization;
using RustScope.Cli.History;
using RustScope.Core.Diagnostics;
using RustScope.History;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope history list [--target T] [--branch main]</c>: the stored sessions, oldest first.</summary>
internal static class HistoryListCommand
{
    public static Command Create(CliConsole console)
    {
        var target = new Option<string?>("--target") { Description = "Only this target's sessions." };
        var branch = new Option<string?>("--branch") { Description = "Only sessions pushed for this branch." };
        var store = new HistoryStoreOption();
        var command = new Command("list", "List the stored sessions: commit, branch, time, target, runs, host.") { target, branch, store.Store };
        command.SetAction((parse, _) => HistoryAction.RunAsync(console, () =>
        {
            using var history = store.Open(parse, console);
            var sessions = history.List(new SessionQuery { Target = parse.GetValue(target), Branch = parse.GetValue(branch) });
            console.Out.WriteLine("commit        branch           time (UTC)         target                runs  host          session");
            foreach (var s in sessions)
            {
                console.Out.WriteLine(TerminalText.Neutralize(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Commit[..Math.Min(12, s.Commit.Length)],-12}  {s.Branch ?? "-",-15}  {s.Time.UtcDateTime:yyyy-MM-dd HH:mm}  {s.Target,-20}  {s.Runs,4}  {s.Host,-12}  {s.Hash[..12]}")));
            }

            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sessions.Count} session(s) in {history.Location}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
