using System.Buffers.Binary;

namespace RustScope.Collectors.Native;

/// <summary>
/// Reads the shim's byte stream (src/Shim/protocol.h) into a <see cref="NativeHeap"/>: chunks of a 24-byte header
/// (pid, length, monotonic time, dropped so far) and whole compact records. A chunk with pid 0 is RustScope's own end
/// marker. Decoding allocates nothing per event: the stream is read as spans, stacks are looked up by id.
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
    private const int Stack = 6;
    private const int MaxDepth = 32;
    // A one-byte FREE record whose address is the previous record's (a zigzag difference of 0).
    private const byte FreeOfPrevious = Free;
    // Ids count the definitions an image sent; past this the stream is not one the shim wrote.
    private const ulong MaxStackId = 1 << 24;

    // The start of a chunk that one read cut off, completed from the next: room for it and one whole chunk more.
    private readonly byte[] _carry = new byte[2 * MaxChunkBytes];
    private int _carried;

    /// <summary>The end marker: a chunk header with pid 0 and no records.</summary>
    public static byte[] EndMarker { get; } = new byte[HeaderBytes];

    /// <summary>Chunks that did not follow the protocol (the rest of such a chunk is skipped).</summary>
    public long Malformed { get; private set; }

    /// <summary>True once the end marker was read.</summary>
    public bool Ended { get; private set; }

    /// <summary>
    /// Decodes the next bytes of the stream, as a read of the pipe returned them: a chunk cut off at the end is kept and
    /// completed by the next call.
    /// </summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        while (_carried > 0 && bytes.Length > 0 && !Ended)
        {
            var take = Math.Min(bytes.Length, _carry.Length - _carried);
            bytes[..take].CopyTo(_carry.AsSpan(_carried));
            var used = Decode(_carry.AsSpan(0, _carried + take));
            if (used == 0)
            {
                _carried += take;
                bytes = bytes[take..];
                continue;
            }

            // What was carried is less than one chunk, so the first chunk decoded ends in the new bytes.
            bytes = bytes[(used - _carried)..];
            _carried = 0;
        }

        if (Ended)
        {
            return;
        }

        var consumed = Decode(bytes);
        bytes[consumed..].CopyTo(_carry.AsSpan(_carried));
        _carried += bytes.Length - consumed;
    }

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
            if (!Chunk(pid, ns, dropped, header.Slice(HeaderBytes, length)))
            {
                Malformed++;
            }

            consumed += HeaderBytes + length;
        }

        return consumed;
    }

    // False when the chunk broke the protocol; what came before the fault is kept.
    private bool Chunk(int pid, long ns, long dropped, ReadOnlySpan<byte> records)
    {
        var space = records.Length > 0 && (records[0] & 7) == Start ? heap.Start(pid) : heap.Space(pid);
        space.Dropped = Math.Max(space.Dropped, dropped);
        space.LastNs = Math.Max(space.LastNs, ns);
        Span<ulong> key = stackalloc ulong[1 + MaxDepth];
        key[0] = (ulong)space.Id;
        var previous = 0UL;
        var at = 0;
        try
        {
            while (at < records.Length)
            {
                var tag = Varint(records, ref at);
                switch ((int)(tag & 7))
                {
                    case Alloc:
                        var site = space.Stack(tag >> 3);
                        var size = (long)Varint(records, ref at);
                        var address = Address(ref previous, Varint(records, ref at));
                        if (site is null)
                        {
                            return false;
                        }

                        if (at < records.Length && records[at] == FreeOfPrevious)
                        {
                            heap.AllocateFreed(space, address, size, site, ns);
                            at++;
                        }
                        else
                        {
                            heap.Allocate(space, address, size, site, ns);
                        }

                        break;
                    case Free:
                        heap.Free(space, Address(ref previous, tag >> 3), ns);
                        break;
                    case Start:
                        // Already taken as the chunk's address space above: a START always opens its chunk.
                        break;
                    case Maps:
                        var length = checked((int)(tag >> 3));
                        space.AppendMaps(records.Slice(at, length));
                        at += length;
                        break;
                    case MapsEnd:
                        space.EndMaps();
                        break;
                    case Stack:
                        var id = tag >> 3;
                        var depth = (int)Varint(records, ref at);
                        if (depth is < 1 or > MaxDepth || id > MaxStackId)
                        {
                            return false;
                        }

                        for (var i = 1; i <= depth; i++)
                        {
                            key[i] = Varint(records, ref at);
                        }

                        space.DefineStack(id, heap.Site(space, key[..(1 + depth)]));
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            // A record ran past its chunk's end.
            return false;
        }
        finally
        {
            heap.Tick(ns);
        }
    }

    // The chunk's previous address plus a zigzag-coded difference, which becomes the previous address.
    private static ulong Address(ref ulong previous, ulong zigzag)
    {
        previous += (zigzag >> 1) ^ (0UL - (zigzag & 1));
        return previous;
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        var value = 0UL;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }

            if (shift >= 63)
            {
                throw new OverflowException("varint longer than 10 bytes");
            }
        }
    }
}
