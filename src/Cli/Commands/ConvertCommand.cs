using System.CommandLine;
using RustScope.Core.Diagnostics;
using RustScope.Core.Formats;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope convert INPUT -o OUTPUT [--format collapsed|pprof|speedscope|session]</c>: any profile RustScope reads
/// (<see cref="SessionInput"/>) written in another format, chosen by <c>--format</c> or the output's extension.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<FileInfo>("input")
        {
            Description = "A session, collapsed stacks, pprof (.pb.gz), speedscope JSON or a Firefox Profiler / samply profile; recognised by content.",
        };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write (atomically).", Required = true };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format; from the output's extension when omitted: .folded/.collapsed/.txt collapsed, .pb.gz/.pprof/.pb pprof, .speedscope.json speedscope, .json session.",
        };
        format.AcceptOnlyFromAmong([.. ProfileWriter.Names]);
        var command = new Command("convert", "Convert a profile between formats: collapsed stacks, pprof, speedscope, session.") { input, output, format };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(output)!;
            try
            {
                var chosen = Format(parse.GetValue(format), target.ToString());
                // The path as the user wrote it, so errors name the file the way they typed it.
                var inputPath = parse.GetValue(input)!.ToString();
                var content = ProfileWriter.Write(SessionInput.Load(inputPath), chosen, inputPath);
                ProfileOutput.Write(target.FullName, content, "the output");
                return ExitCodes.Success;
            }
            catch (InputException e)
            {
                return new DiagnosticWriter(console.Error).Errors(e.Diagnostics);
            }
        });
        return command;
    }

    private static ProfileFormat Format(string? name, string output) =>
        (name is null ? ProfileWriter.FromExtension(output) : ProfileWriter.FromName(name))
        ?? throw new InputException(new Diagnostic(output, null, null, DiagnosticCodes.UnknownReportFormat,
            $"cannot tell the format from the file name; name it with --format {string.Join('|', ProfileWriter.Names)}"));
}
