namespace RustScope.Profiling.Recording;

/// <summary>What a frame measures: a whole call, or one synchronous segment (a MoveNext) of an async call.</summary>
internal enum FrameKind : byte
{
    Call,
    Segment,
}
