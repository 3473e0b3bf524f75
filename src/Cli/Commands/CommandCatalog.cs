using System.CommandLine;

namespace RustScope.Cli.Commands;

/// <summary>Every subcommand of <c>rustscope</c>, in the order help lists them, writing to <paramref name="console"/>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliConsole console) =>
    [
        RunCommand.Create(console),
        AbCommand.Create(console),
        BenchCommand.Create(console),
        GateCommand.Create(console),
        CalibrateCommand.Create(console),
        CompareCommand.Create(console),
        CheckCommand.Create(console),
        ShowCommand.Create(console),
        ReportCommand.Create(console),
        ExportCommand.Create(console),
        ConvertCommand.Create(console),
        PullCommand.Create(console),
        CommentCommand.Create(console),
        HistoryCommand.Create(console),
    ];
}
