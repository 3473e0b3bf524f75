using System.CommandLine;
using System.Globalization;
using RustScope.Cli.History;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope history prune --keep N</c>: keeps the sessions of each target's N newest commits, deletes the rest.</summary>
internal static class HistoryPruneCommand
{
    public static Command Create(CliConsole console)
    {
        var keep = new Option<int>("--keep") { Description = "How many of each target's newest commits to keep.", Required = true };
        keep.Validators.Add(static result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--keep must be 0 or more");
            }
        });
        var store = new HistoryStoreOption();
        var command = new Command("prune", "Delete the sessions of all but each target's N newest commits.") { keep, store.Store };
        command.SetAction((parse, _) => HistoryAction.RunAsync(console, () =>
        {
            using var history = store.Open(parse, console);
            var kept = parse.GetValue(keep);
            var deleted = history.Prune(kept);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted {deleted} session(s) from {history.Location}; kept each target's {kept} newest commit(s)"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
