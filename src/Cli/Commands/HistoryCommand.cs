using System.CommandLine;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history push|list|show|export|prune|baseline|trend</c>: the store of every main-branch session
/// (SQLite by default, PostgreSQL for teams), the baselines chosen from it and the change points found over time.
/// </summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var history = new Command("history", "Keep every main-branch session in a store (SQLite or PostgreSQL), take baselines from it, find change points over time.");
        foreach (var subcommand in new[]
        {
            HistoryPushCommand.Create(console), HistoryListCommand.Create(console), HistoryShowCommand.Create(console), HistoryExportCommand.Create(console),
            HistoryPruneCommand.Create(console), HistoryBaselineCommand.Create(console), HistoryTrendCommand.Create(console),
        })
        {
            history.Subcommands.Add(subcommand);
        }

        return history;
    }
}
