using System.CommandLine;
using System.Text;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope export SESSION.json --format collapsed [-o FILE]</c>: a session's stacks for other tools. The writing is
/// <c>convert</c>'s (<see cref="ProfileWriter"/>); export stays for its standard output and its one format.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var session = new Argument<FileInfo>("session") { Description = "A ProfileSession JSON file (rustscope-last.json), or any profile convert reads." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: collapsed (folded stacks for flamegraph.pl and inferno). For pprof and speedscope, use rustscope convert.", Required = true };
        format.AcceptOnlyFromAmong("collapsed");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write; standard output when omitted." };
        var command = new Command("export", "Export a session's data in another tool's format.") { session, format, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(session)!.FullName;
            try
            {
                var content = ProfileWriter.Write(SessionInput.Load(path), ProfileFormat.Collapsed, path);
                if (parse.GetValue(output) is { } file)
                {
                    ProfileOutput.Write(file.FullName, content, "the export");
                }
                else
                {
                    console.Out.Write(Encoding.UTF8.GetString(content));
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
}
