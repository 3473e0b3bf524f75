using System.CommandLine;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;
using RustScope.Core.IO;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope export SESSION.json --format collapsed [-o FILE]</c>: a session's stacks for other tools.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var session = new Argument<FileInfo>("session") { Description = "A ProfileSession JSON file (rustscope-last.json)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: collapsed (folded stacks for flamegraph.pl and inferno).", Required = true };
        format.AcceptOnlyFromAmong("collapsed");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write; standard output when omitted." };
        var command = new Command("export", "Export a session's data in another tool's format.") { session, format, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(session)!.FullName;
            try
            {
                var text = Collapsed(SessionJson.Read(path), path);
                if (parse.GetValue(output) is { } file)
                {
                    Write(file.FullName, text);
                }
                else
                {
                    console.Out.Write(text);
                }

                return ExitCodes.Success;
            }
            catch (InputException e)
            {
                return new DiagnosticWriter(console.Error).Errors(e.Diagnostics);
            }
        });
        return command;
    }

    private static void Write(string file, string text)
    {
        try
        {
            AtomicFile.WriteAllText(file, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new Diagnostic(file, null, null, DiagnosticCodes.ReportUnwritable, $"cannot write the export: {e.Message}"));
        }
    }

    private static string Collapsed(ProfileSession session, string path) => session.Stacks is { Samples.Count: > 0 } stacks
        ? CollapsedStacks.Write(stacks)
        : throw new InputException(new Diagnostic(path, null, null, DiagnosticCodes.ExportNoData,
            "the session has no stacks to export (record it with rustscope run and sampling on)")
        {
            JsonPath = "$.stacks",
        });
}
