namespace RustScope.Collectors.Native;

/// <summary>
/// What one read of the allocation pipe returned: <paramref name="Length"/> bytes at <paramref name="Start"/> of a pooled
/// segment; <paramref name="LastOfSegment"/> when the reader moved on to another segment after it, so the decoder can
/// give this one back.
/// </summary>
internal readonly record struct PipeBytes(byte[] Segment, int Start, int Length, bool LastOfSegment);
