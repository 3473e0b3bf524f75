using System.CommandLine;
using RustScope.Cli.History;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history baseline --for REF -o baseline.json</c>: the runs of the merge-base of REF with main (or of the
/// nearest earlier main commit that has runs) on a host like this one, merged into one baseline session; says which
/// commit and host it chose, or why none fits.
/// </summary>
internal static class HistoryBaselineCommand
{
    public static Command Create(CliConsole console)
    {
        var reference = new Option<string>("--for") { Description = "The ref to find a baseline for (a branch, HEAD, a sha).", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the baseline session.", Required = true };
        var target = new Option<string?>("--target") { Description = "The target whose runs to take (default the store's only one)." };
        var options = new HistoryBaselineOptions();
        var command = new Command("baseline", "Write the baseline for a ref from the history: the runs of its merge-base with main (or the nearest earlier main commit with runs) on a comparable host.")
        {
            reference, output, target,
        };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancel) => HistoryAction.RunAsync(console, async () =>
        {
            using var history = options.Store.Open(parse, console);
            var choice = await options.ChooseAsync(parse, history, parse.GetValue(reference)!, HistoryTarget.Resolve(history, parse.GetValue(target)), Directory.GetCurrentDirectory(), cancel).ConfigureAwait(false);
            SessionJson.Write(choice.Session, parse.GetValue(output)!.FullName);
            console.Error.WriteLine(TerminalText.Neutralize($"{choice.Note}; written to {parse.GetValue(output)}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
