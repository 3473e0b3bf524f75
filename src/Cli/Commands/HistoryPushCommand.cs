using System.CommandLine;
using RustScope.Cli.History;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history push SESSION… [--store …]</c>: stores sessions under their commit (from <c>meta.git</c> unless
/// given); a session already stored is left as it is, so a retried push is harmless.
/// </summary>
internal static class HistoryPushCommand
{
    public static Command Create(CliConsole console)
    {
        var sessions = new Argument<FileInfo[]>("sessions") { Description = "Session files (rustscope-last.json…).", Arity = ArgumentArity.OneOrMore };
        var commit = new Option<string?>("--commit") { Description = "The commit sha to store them under (default each session's meta.git.sha)." };
        var branch = new Option<string?>("--branch") { Description = "The branch to store them under (default each session's meta.git.branch)." };
        var store = new HistoryStoreOption();
        var command = new Command("push", "Store sessions in the history under their commit; pushing the same session again changes nothing.") { sessions, commit, branch, store.Store };
        command.SetAction((parse, _) => HistoryAction.RunAsync(console, () =>
        {
            // Every file is read and checked before anything is written.
            var read = parse.GetValue(sessions)!.Select(f => (Path: f.ToString(), Session: SessionJson.Read(f.FullName))).ToList();
            var pushes = read.Select(r => (r.Path, r.Session,
                Commit: parse.GetValue(commit) ?? r.Session.Meta.Git?.Sha ?? throw HistoryAction.Invalid($"{r.Path}: the session names no commit (meta.git.sha): give --commit"),
                Branch: parse.GetValue(branch) ?? r.Session.Meta.Git?.Branch)).ToList();
            using var history = store.Open(parse, console);
            foreach (var push in pushes)
            {
                var result = history.Push(push.Session, push.Commit, push.Branch);
                console.Out.WriteLine(TerminalText.Neutralize(result.Added
                    ? FormattableString.Invariant($"{push.Path}: pushed {result.Hash[..12]} ({push.Session.Meta.Project} at {push.Commit[..Math.Min(12, push.Commit.Length)]}, {result.Values} values) to {history.Location}")
                    : $"{push.Path}: already in {history.Location} as {result.Hash[..12]}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
