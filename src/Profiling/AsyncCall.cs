namespace RustScope.Profiling;

/// <summary>An async call waiting for its task: what its completion needs to record the wall time.</summary>
internal sealed record AsyncCall(int FunctionId, long StartTimestamp);
