using System.CommandLine;
using RustScope.Cli.Gate;
using RustScope.Core.Formats;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope check HEAD --budget rustscope.yml</c>: absolute budgets only, no baseline.</summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var head = new Argument<FileInfo>("session") { Description = "The session to check (or BenchmarkDotNet *-report-full.json)." };
        var gate = new GateOptions();

        // Without budgets there is nothing to check, and a pass would hide a forgotten option.
        gate.Budget.Required = true;
        var check = new Command("check", "Check a session against the absolute budgets of a budget file; exit 1 when one is exceeded.") { head };
        foreach (var option in gate.All)
        {
            check.Options.Add(option);
        }

        check.SetAction(parse =>
        {
            var headFile = parse.GetValue(head)!;
            return gate.Judge(parse, console, () => [new GateSubject(SessionInput.Load(headFile.FullName), headFile.ToString())]);
        });
        return check;
    }
}
