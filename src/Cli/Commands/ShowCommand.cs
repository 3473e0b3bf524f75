using System.CommandLine;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope show SESSION.json</c>: prints the summary of a saved session.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var session = new Argument<FileInfo>("session") { Description = "A ProfileSession JSON file (rustscope-last.json)." };
        var command = new Command("show", "Print the summary of a saved session.") { session };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(session)!.FullName;
            try
            {
                var loaded = SessionJson.Read(path);
                SessionSummaryPrinter.Print(loaded, Console.Out);
                return ExitCodes.Success;
            }
            catch (InputException e)
            {
                Console.Error.WriteLine($"rustscope: {e.Message}");
                return ExitCodes.UsageError;
            }
        });
        return command;
    }
}
