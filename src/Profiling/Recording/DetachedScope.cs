namespace RustScope.Profiling.Recording;

/// <summary>A scope entered on one thread and ended on another: its frame, for the entering thread to drop.</summary>
internal readonly record struct DetachedScope(int Depth, int FunctionId, long StartTimestamp);
