using System.CommandLine;
using RustScope.Cli.History;
using RustScope.Core.Diagnostics;
using RustScope.Core.Model;
using RustScope.History;

namespace RustScope.Cli.Commands;

/// <summary>
/// <c>rustscope history push SESSION… [--store …]</c>: stores sessions under their commit (from <c>meta.git</c> unless
/// given); a session already stored is left as it is, so a retried push is harmless.
/// </summary>
internal static class HistoryPushCommand
{
    // Sessions written per transaction: one commit for several sessions, while a SQLite store's other writers wait for
    // its lock a few milliseconds at a time, not for the whole list.
    private const int SessionsPerTransaction = 8;

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
            var pushes = read.Select(r => (r.Path, Push: new SessionPush(r.Session,
                parse.GetValue(commit) ?? r.Session.Meta.Git?.Sha ?? throw HistoryAction.Invalid($"{r.Path}: the session names no commit (meta.git.sha): give --commit"),
                parse.GetValue(branch) ?? r.Session.Meta.Git?.Branch))).ToList();
            using var history = store.Open(parse, console);
            foreach (var chunk in pushes.Chunk(SessionsPerTransaction))
            {
                foreach (var (push, result) in chunk.Zip(history.Push([.. chunk.Select(static p => p.Push)])))
                {
                    var (session, sha) = (push.Push.Session, push.Push.Commit);
                    console.Out.WriteLine(TerminalText.Neutralize(result.Added
                        ? FormattableString.Invariant($"{push.Path}: pushed {result.Hash[..12]} ({session.Meta.Project} at {sha[..Math.Min(12, sha.Length)]}, {result.Values} values) to {history.Location}")
                        : $"{push.Path}: already in {history.Location} as {result.Hash[..12]}"));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
