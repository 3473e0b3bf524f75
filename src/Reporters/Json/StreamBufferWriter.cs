using System.Buffers;

namespace RustScope.Reporters.Json;

/// <summary>
/// A buffer for a <see cref="System.Text.Json.Utf8JsonWriter"/> that hands what it holds to a stream whenever the writer
/// asks for more room: a 60 MB report is written in 64 KB pieces, never held whole (a writer over a stream keeps all of
/// it until flushed).
/// </summary>
/// <param name="output">Where the bytes go; it stays open.</param>
internal sealed class StreamBufferWriter(Stream output) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Room may replace the buffer: it goes first.
        var free = Room(sizeHint);
        return _buffer.AsMemory(free);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var free = Room(sizeHint);
        return _buffer.AsSpan(free);
    }

    /// <summary>Writes what the buffer holds to the stream.</summary>
    public void Flush()
    {
        output.Write(_buffer, 0, _written);
        _written = 0;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // Where the free part of the buffer starts, once it has at least sizeHint bytes (at least one).
    private int Room(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < sizeHint)
        {
            Flush();
            if (_buffer.Length < sizeHint)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
            }
        }

        return _written;
    }
}
