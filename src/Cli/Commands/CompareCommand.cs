using System.CommandLine;
using RustScope.Cli.Gate;
using RustScope.Core.Formats;

namespace RustScope.Cli.Commands;

/// <summary><c>rustscope compare BASE HEAD</c>: judges head against the baseline with honest statistics.</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var baseline = new Argument<FileInfo>("baseline") { Description = "Baseline session (or BenchmarkDotNet *-report-full.json)." };
        var head = new Argument<FileInfo>("head") { Description = "Head session (or BenchmarkDotNet *-report-full.json)." };
        var gate = new GateOptions();
        var compare = new Command("compare", "Compare a head session with a baseline; exit 1 on a significant regression or an exceeded budget.") { baseline, head };
        foreach (var option in gate.All)
        {
            compare.Options.Add(option);
        }

        compare.SetAction(parse =>
        {
            var (baseFile, headFile) = (parse.GetValue(baseline)!, parse.GetValue(head)!);
            return gate.Judge(parse, console, () =>
            {
                // Head first: when both files are broken, head's error is the one reported.
                var (headSession, baseSession) = SessionInput.LoadBoth(headFile.FullName, baseFile.FullName);
                return [new GateSubject(headSession, headFile.ToString()) { Baseline = baseSession, BaselinePath = baseFile.ToString() }];
            });
        });
        return compare;
    }
}
