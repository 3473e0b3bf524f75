using RustScope.Cli.Git;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>
/// Chooses a baseline from the history: the runs of the merge-base of a ref with main, or of the nearest earlier main
/// commit (first parents) that has runs of the target on a comparable host, merged into one session. When nothing
/// fits, says why.
/// </summary>
internal static class HistoryBaseline
{
    /// <summary>How far back along main to look by default.</summary>
    public const int DefaultDepth = 500;

    // Commits asked about in one query: the nearest usually has runs, and a query stays far below both engines' limits on parameters.
    private const int CandidatesPerQuery = 50;

    /// <summary>The main commits a baseline for <paramref name="reference"/> may come from, nearest first; never the ref's own commit.</summary>
    /// <exception cref="GitException">git cannot answer (no such ref, not a repository, a shallow clone without main).</exception>
    public static async Task<IReadOnlyList<string>> CandidatesAsync(string reference, string main, string directory, int depth, CancellationToken cancel)
    {
        var own = await ToolProcess.GitAsync(directory, cancel, "rev-parse", "--verify", reference + "^{commit}").ConfigureAwait(false);
        var mergeBase = await ToolProcess.GitAsync(directory, cancel, "merge-base", own, main).ConfigureAwait(false);
        var log = await ToolProcess.GitAsync(directory, cancel, "rev-list", "--first-parent", FormattableString.Invariant($"--max-count={depth + 1}"), mergeBase).ConfigureAwait(false);
        return [.. log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c != own).Take(depth)];
    }

    /// <summary>The baseline of <paramref name="target"/> from the first of <paramref name="candidates"/> with runs on <paramref name="host"/> (any host when null).</summary>
    /// <exception cref="NoBaselineException">No candidate has such runs; the message says why.</exception>
    public static BaselineChoice Choose(IHistoryStore store, string target, string? host, IReadOnlyList<string> candidates)
    {
        // The nearest candidates first, a few at a time: the store is asked about these commits only, whatever it holds.
        for (var start = 0; start < candidates.Count; start += CandidatesPerQuery)
        {
            var chunk = candidates.Skip(start).Take(CandidatesPerQuery).ToList();
            var stored = store.List(new SessionQuery { Target = target, Host = host, Commits = chunk }).ToLookup(static s => s.Commit, StringComparer.Ordinal);
            var nearest = chunk.FindIndex(stored.Contains);
            if (nearest < 0)
            {
                continue;
            }

            var i = start + nearest;
            // With any host: the one that ran the commit most, so its runs are never mixed with another machine's.
            var hosts = store.Hosts(target, candidates[i]).Where(h => host is null || h.Fingerprint == host).ToList();
            var chosen = hosts[0];
            var sessions = stored[candidates[i]].Where(s => s.Host == chosen.Fingerprint).ToList();
            var note = FormattableString.Invariant(
                $"baseline of {target} from the history: commit {Short(candidates[i])}{(i == 0 ? "" : $" ({i} nearer main commit(s) had no runs that fit)")}, {sessions.Sum(static s => s.Runs)} run(s) from {sessions.Count} session(s) on {chosen.Description} [{chosen.Fingerprint}]");
            return new BaselineChoice(candidates[i], chosen, sessions, BaselineSession.Merge([.. sessions.Select(s => store.Load(s.Hash))], note), note);
        }

        throw new NoBaselineException(WhyNone(store, target, host, candidates));
    }

    private static string WhyNone(IHistoryStore store, string target, string? host, IReadOnlyList<string> candidates)
    {
        var where = $"the history {store.Location}";
        var targets = store.Targets();
        if (!targets.Contains(target, StringComparer.Ordinal))
        {
            return targets.Count == 0 ? $"{where} is empty: push main-branch sessions first (rustscope history push)" : $"{where} has no sessions of {target} (it has {string.Join(", ", targets)})";
        }

        var span = candidates.Count == 0 ? "no main commit" : $"none of the {candidates.Count} main commit(s) from {Short(candidates[0])} back";
        var elsewhere = candidates.FirstOrDefault(c => store.Hosts(target, c).Count > 0);
        return elsewhere is null || host is null
            ? $"{span} has runs of {target} in {where}"
            : $"{span} has runs of {target} on this host [{host}] in {where}; the nearest, {Short(elsewhere)}, ran on {string.Join("; ", store.Hosts(target, elsewhere).Select(static h => $"{h.Description} [{h.Fingerprint}]"))} (--any-host takes those)";
    }

    private static string Short(string commit) => commit[..Math.Min(12, commit.Length)];
}
