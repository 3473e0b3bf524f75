namespace RustScope.Profiling.Recording;

/// <summary>How a call ended: a canceled call is also an exception, counted apart as well.</summary>
internal enum CallOutcome : byte
{
    Returned,
    Faulted,
    Canceled,
}
