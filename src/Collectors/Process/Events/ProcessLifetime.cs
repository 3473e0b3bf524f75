namespace RustScope.Collectors.Process.Events;

/// <summary>One process of the tree as the connector saw it: however short-lived, it was born and it ended.</summary>
/// <param name="Pid">The process id.</param>
/// <param name="Ppid">The process that forked it.</param>
/// <param name="Name">Its command name, read at exec (or its parent's when it was gone before it could be read).</param>
/// <param name="StartNs">Monotonic nanoseconds of its fork.</param>
/// <param name="EndNs">Monotonic nanoseconds of its exit; null while it runs.</param>
/// <param name="NameUnread">It ran a new program but was gone before its name could be read: <paramref name="Name"/> is the one before the exec.</param>
internal sealed record ProcessLifetime(int Pid, int Ppid, string Name, long StartNs, long? EndNs, bool NameUnread = false);
