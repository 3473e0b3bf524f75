namespace RustScope.Collectors.Process.Events;

/// <summary>The process events the tree follows; the connector's others (uid, sid, comm…) are ignored.</summary>
internal enum ProcessEventKind
{
    None,
    Fork,
    Exec,
    Exit,
}
