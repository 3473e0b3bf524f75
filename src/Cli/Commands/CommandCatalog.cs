using System.CommandLine;

namespace RustScope.Cli.Commands;

/// <summary>Every subcommand of <c>rustscope</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create() =>
    [
        RunCommand.Create(),
        AbCommand.Create(),
        BenchCommand.Create(),
        GateCommand.Create(),
        CalibrateCommand.Create(),
        CompareCommand.Create(),
        CheckCommand.Create(),
        ShowCommand.Create(),
        ExportCommand.Create(),
        CommentCommand.Create(),
    ];
}
