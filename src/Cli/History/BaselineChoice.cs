using RustScope.Core.Model;
using RustScope.History;

namespace RustScope.Cli.History;

/// <summary>The baseline the history gave: which commit and host it chose, and its runs merged into one session.</summary>
/// <param name="Commit">The main commit whose runs it holds.</param>
/// <param name="Host">The host they ran on.</param>
/// <param name="Sessions">The stored sessions merged.</param>
/// <param name="Session">The merged baseline.</param>
/// <param name="Note">The choice in one sentence, for the terminal (also among the merged session's warnings).</param>
internal sealed record BaselineChoice(string Commit, HostSummary Host, IReadOnlyList<StoredSession> Sessions, ProfileSession Session, string Note);
