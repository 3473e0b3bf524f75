namespace RustScope.History;

/// <summary>The store cannot be used as asked: unreachable, not a RustScope history, written by a newer RustScope…</summary>
internal sealed class HistoryStoreException(string message, Exception? inner = null) : Exception(message, inner);
