namespace RustScope.Core.Formats;

/// <summary>What the first bytes of an input say it is.</summary>
internal enum InputKind
{
    /// <summary>Nothing but whitespace.</summary>
    Empty,

    /// <summary>Text starting with <c>{</c> or <c>[</c>.</summary>
    Json,

    /// <summary>Other text: collapsed stacks.</summary>
    Text,

    /// <summary>Bytes no text file has: a protobuf message (pprof).</summary>
    Binary,
}
