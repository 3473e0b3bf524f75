using System.Text;

namespace RustScope.Reporters.Json;

/// <summary>
/// A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>, so the serializer streams a report of
/// 90 000 metrics in buffer-sized pieces instead of building it as one string first.
/// </summary>
internal sealed class TextWriterStream(TextWriter output) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private char[] _chars = [];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var needed = _decoder.GetCharCount(buffer, flush: false);
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, 2 * _chars.Length)];
        }

        // A character split between two writes stays in the decoder until the next one.
        var written = _decoder.GetChars(buffer, _chars, flush: false);
        output.Write(_chars, 0, written);
    }

    public override void Flush() => output.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
