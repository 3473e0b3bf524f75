using RustScope.Core.Model;

namespace RustScope.History;

/// <summary>
/// The history of sessions: the same schema and behaviour on every engine (SQLite, PostgreSQL). Pushes are atomic and
/// idempotent; any number of processes may push at once.
/// </summary>
internal interface IHistoryStore : IDisposable
{
    /// <summary>Where the store is, for messages.</summary>
    string Location { get; }

    /// <summary>Stores <paramref name="session"/> for <paramref name="commit"/>, with one value per run and metric; a session already stored is left as it is.</summary>
    PushResult Push(ProfileSession session, string commit, string? branch);

    /// <summary>
    /// Stores <paramref name="pushes"/> in one transaction (all or none), as <see cref="Push(ProfileSession, string, string?)"/>
    /// stores one; the results are in the order of <paramref name="pushes"/>.
    /// </summary>
    IReadOnlyList<PushResult> Push(IReadOnlyList<SessionPush> pushes);

    /// <summary>The sessions <paramref name="query"/> selects, oldest first.</summary>
    IReadOnlyList<StoredSession> List(SessionQuery query);

    /// <summary>The full session stored under <paramref name="hash"/>.</summary>
    /// <exception cref="HistoryStoreException">No such session.</exception>
    ProfileSession Load(string hash);

    /// <summary>Keeps the sessions of each target's <paramref name="commits"/> newest commits and deletes the rest; returns how many were deleted.</summary>
    int Prune(int commits);

    /// <summary>The hosts that pushed sessions of <paramref name="target"/> (at <paramref name="commit"/> when given), most sessions first.</summary>
    IReadOnlyList<HostSummary> Hosts(string target, string? commit = null);

    /// <summary>The targets stored, in name order.</summary>
    IReadOnlyList<string> Targets();

    /// <summary>The metrics named <paramref name="subject"/> and <paramref name="metric"/> (a function's and a benchmark's may share a name).</summary>
    IReadOnlyList<StoredMetric> FindMetrics(string subject, string metric);

    /// <summary>
    /// The values of <paramref name="metric"/> for <paramref name="target"/> on one host, per commit, oldest commit first
    /// (on <paramref name="branch"/> when given).
    /// </summary>
    IReadOnlyList<CommitValues> Series(StoredMetric metric, string target, string host, string? branch);
}
