using System.CommandLine;
using RustScope.Cli.Show;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope show SESSION.json [--top N]</c>: prints what a saved session holds.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var session = new Argument<FileInfo>("session") { Description = "A ProfileSession JSON file (rustscope-last.json)." };
        var top = new Option<int>("--top") { Description = "Rows of each ranked table: functions, allocation sites, per-function run statistics.", DefaultValueFactory = _ => 10 };
        var command = new Command("show", "Print a saved session: summary, per-run statistics, top functions and allocation sites, runtime figures, events, warnings.")
        {
            session, top,
        };
        command.SetAction(parse =>
        {
            var diagnostics = new DiagnosticWriter(console.Error);
            if (parse.GetValue(top) < 1)
            {
                return diagnostics.Error(DiagnosticWriter.CommandLine(DiagnosticCodes.CommandInvalid, "--top must be at least 1"));
            }

            var path = parse.GetValue(session)!.FullName;
            try
            {
                // show runs no child: stdout is its own, and its report goes there.
                SessionReport.Print(SessionJson.Read(path), console.Out, parse.GetValue(top));
                return ExitCodes.Success;
            }
            catch (InputException e)
            {
                return diagnostics.Errors(e.Diagnostics);
            }
        });
        return command;
    }
}
