using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RustScope.Collectors.Native;

/// <summary>
/// Reads the shim's byte stream (src/Shim/protocol.h) into a <see cref="NativeHeap"/>: chunks of a 24-byte header
/// (pid, length, monotonic time, dropped so far) and whole records. A chunk with pid 0 is RustScope's own end marker.
/// </summary>
internal sealed class ShimStreamDecoder(NativeHeap heap)
{
    public const int HeaderBytes = 24;
    public const int MaxChunkBytes = 4096;
    private const int Alloc = 1;
    private const int Free = 2;
    private const int Start = 3;
    private const int Maps = 4;
    private const int MapsEnd = 5;
    private const int MaxDepth = 32;

    /// <summary>The end marker: a chunk header with pid 0 and no records.</summary>
    public static byte[] EndMarker { get; } = new byte[HeaderBytes];

    /// <summary>Chunks that did not follow the protocol (the rest of such a chunk is skipped).</summary>
    public long Malformed { get; private set; }

    /// <summary>True once the end marker was read.</summary>
    public bool Ended { get; private set; }

    /// <summary>Decodes the whole chunks at the start of <paramref name="bytes"/>; returns how many bytes it consumed.</summary>
    public int Decode(ReadOnlySpan<byte> bytes)
    {
        var consumed = 0;
        while (!Ended && bytes.Length - consumed >= HeaderBytes)
        {
            var header = bytes[consumed..];
            var pid = BinaryPrimitives.ReadInt32LittleEndian(header);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
            if (pid == 0)
            {
                Ended = true;
                return consumed + HeaderBytes;
            }

            if (length < 0 || length > MaxChunkBytes - HeaderBytes)
            {
                // Chunks are written whole, so a bad length means a stream out of step: nothing after it can be trusted.
                Malformed++;
                Ended = true;
                return bytes.Length;
            }

            if (header.Length < HeaderBytes + length)
            {
                break;
            }

            var ns = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
            var dropped = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
            Chunk(pid, ns, dropped, header.Slice(HeaderBytes, length));
            consumed += HeaderBytes + length;
        }

        return consumed;
    }

    private void Chunk(int pid, long ns, long dropped, ReadOnlySpan<byte> records)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(records);
        var space = words.Length > 0 && (int)(words[0] & 0xff) == Start ? heap.Start(pid) : heap.Space(pid);
        Span<ulong> key = stackalloc ulong[1 + MaxDepth];
        key[0] = (ulong)space.Id;
        var i = 0;
        while (i < words.Length)
        {
            var word = words[i];
            switch ((int)(word & 0xff))
            {
                case Alloc when (int)((word >> 8) & 0xff) is var depth and <= MaxDepth && i + 2 + depth <= words.Length:
                    words.Slice(i + 2, depth).CopyTo(key[1..]);
                    heap.Allocate(space, words[i + 1], (long)(word >> 16), key[..(1 + depth)], ns);
                    i += 2 + depth;
                    break;
                case Free:
                    heap.Free(space, word >> 8, ns);
                    i++;
                    break;
                case Start:
                    // Already taken as the chunk's address space above: a START always opens its chunk.
                    i++;
                    break;
                case Maps when (int)(word >> 8) is var length && i + 1 + ((length + 7) / 8) <= words.Length:
                    space.AppendMaps(records.Slice((i + 1) * 8, length));
                    i += 1 + ((length + 7) / 8);
                    break;
                case MapsEnd:
                    space.EndMaps();
                    i++;
                    break;
                default:
                    Malformed++;
                    i = words.Length;
                    break;
            }
        }

        space.Dropped = Math.Max(space.Dropped, dropped);
        space.LastNs = Math.Max(space.LastNs, ns);
        heap.Tick(ns);
    }
}
