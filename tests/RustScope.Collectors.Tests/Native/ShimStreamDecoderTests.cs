using System.Diagnostics;
using RustScope.Collectors.Native;

namespace RustScope.Collectors.Tests.Native;

/// <summary>The shim's real stream, cut where a read of the pipe may cut it, decodes to the same heap as in one piece.</summary>
public sealed class ShimStreamDecoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4095)]
    [InlineData(4097)]
    [InlineData(65536)]
    public async Task A_stream_fed_in_pieces_of_any_size_decodes_as_in_one_piece(int piece)
    {
        var stream = await RecordAsync(ShimFixtures.Program("leak"));

        var whole = Decode(stream, stream.Length);
        var cut = Decode(stream, piece);

        Assert.Equal(8_100, whole.Allocations);
        Assert.Equal((whole.Allocations, whole.Frees, whole.AllocatedBytes, whole.LiveBytes), (cut.Allocations, cut.Frees, cut.AllocatedBytes, cut.LiveBytes));
        Assert.Equal(123_400, cut.LiveBytes);
    }

    private static NativeHeap Decode(byte[] stream, int piece)
    {
        var heap = new NativeHeap();
        var decoder = new ShimStreamDecoder(heap);
        for (var at = 0; at < stream.Length; at += piece)
        {
            decoder.Feed(stream.AsSpan(at, Math.Min(piece, stream.Length - at)));
        }

        Assert.True(decoder.Ended);
        Assert.Equal(0, decoder.Malformed);
        return heap;
    }

    // Everything the shim in `program` wrote, then RustScope's end marker, as the pipe carried it.
    private static async Task<byte[]> RecordAsync(string program)
    {
        var directory = Directory.CreateTempSubdirectory("rustscope-stream-").FullName;
        try
        {
            using var fifo = Fifo.Create(Path.Combine(directory, "alloc.pipe"), 1 << 20);
            var bytes = new MemoryStream();
            var reading = Task.Run(() =>
            {
                var buffer = new byte[1 << 16];
                while (true)
                {
                    var n = fifo.Read(buffer);
                    bytes.Write(buffer, 0, n);
                    if (bytes.Length >= ShimStreamDecoder.HeaderBytes && bytes.GetBuffer().AsSpan((int)bytes.Length - ShimStreamDecoder.HeaderBytes, ShimStreamDecoder.HeaderBytes).SequenceEqual(ShimStreamDecoder.EndMarker))
                    {
                        return;
                    }
                }
            });
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true };
            start.Environment["LD_PRELOAD"] = ShimLocator.Find() ?? throw new InvalidOperationException(ShimLocator.Problem());
            start.Environment["RUSTSCOPE_ALLOC_PIPE"] = fifo.Path;
            using (var process = System.Diagnostics.Process.Start(start)!)
            {
                await process.WaitForExitAsync();
            }

            fifo.Write(ShimStreamDecoder.EndMarker);
            await reading;
            return bytes.ToArray();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
