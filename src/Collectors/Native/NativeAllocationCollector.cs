using System.Diagnostics;
using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Collectors.Native;

/// <summary>
/// <c>run --track-alloc</c>: preloads the allocation shim into the launched tree, reads its pipe on a thread of its own
/// while the target runs, and adds native live bytes, top sites, leaks, lifetimes and the dropped count to the session.
/// </summary>
internal sealed class NativeAllocationCollector(NativeAllocationOptions options) : ISessionCollector
{
    // Each read asks for at least MinReadBytes (as much as a full pipe holds) into a segment of SegmentBytes.
    private const int SegmentBytes = 8 << 20;
    private const int MinReadBytes = 1 << 20;
    // The pipe's private place, as the sampling collector's diagnostic socket has its own.
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"rustscope-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly NativeHeap _heap = new();
    // Segments the decoder is done with, for the reader to fill again.
    private readonly System.Collections.Concurrent.ConcurrentBag<byte[]> _segments = [];
    private readonly List<string> _warnings = [];
    private readonly TaskCompletionSource _readerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Monotonic nanoseconds (the shim's clock, Stopwatch's on Linux) to Unix milliseconds.
    private readonly double _unixMsAtZero = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency);
    private volatile bool _endWritten;
    private Fifo? _fifo;
    private ShimStreamDecoder? _decoder;
    private Task<(NativeAllocationProfile, IReadOnlyList<MemoryEvent>)?>? _finished;

    public string Name => "native allocations";

    public ValueTask PrepareLaunchAsync(LaunchSpec launch, CancellationToken cancellationToken)
    {
        if (ShimLocator.Find() is not { } shim)
        {
            _warnings.Add(ShimLocator.Problem()!);
            return ValueTask.CompletedTask;
        }

        Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            _fifo = Fifo.Create(Path.Combine(_directory, "alloc.pipe"), options.PipeBytes ?? Fifo.MaxCapacity());
        }
        catch (IOException e)
        {
            _warnings.Add($"native allocations were not tracked: {e.Message}");
            return ValueTask.CompletedTask;
        }

        // The shim first, so it interposes before any library the user preloads.
        var preload = launch.Environment.TryGetValue("LD_PRELOAD", out var given) ? given : Environment.GetEnvironmentVariable("LD_PRELOAD");
        launch.Environment["LD_PRELOAD"] = string.IsNullOrEmpty(preload) ? shim : $"{shim}:{preload}";
        launch.Environment["RUSTSCOPE_ALLOC_PIPE"] = _fifo.Path;
        launch.Environment["RUSTSCOPE_ALLOC_DEPTH"] = options.Depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (options.RootOnly)
        {
            launch.Environment["RUSTSCOPE_ALLOC_ROOT"] = "1";
        }

        _decoder = new ShimStreamDecoder(_heap);
        new Thread(Read) { IsBackground = true, Name = "rustscope-alloc-pipe" }.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(int rootPid, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task FinishAsync() => _finished ??= FinishCoreAsync();

    public async ValueTask<ProfileSession> CompleteAsync(ProfileSession session, CancellationToken cancellationToken)
    {
        await FinishAsync().ConfigureAwait(false);
        var result = await _finished!.ConfigureAwait(false);
        if (result is not var (profile, leaks))
        {
            return _warnings.Count == 0 ? session : session with { Warnings = [.. session.Warnings, .. _warnings] };
        }

        var warnings = _warnings.ToList();
        if (profile.Dropped > 0)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the allocation shim dropped {profile.Dropped} events because its pipe was full (RustScope read too slowly): native totals, live bytes and leaks are incomplete"));
        }

        return session with
        {
            NativeAllocations = profile,
            Samples = WithLiveBytes(session.Samples),
            MemoryEvents = [.. session.MemoryEvents, .. leaks],
            Warnings = [.. session.Warnings, .. warnings],
        };
    }

    public ValueTask DisposeAsync()
    {
        _fifo?.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private long UnixMs(long monotonicNs) => (long)(_unixMsAtZero + (monotonicNs / 1e6));

    private async Task<(NativeAllocationProfile, IReadOnlyList<MemoryEvent>)?> FinishCoreAsync()
    {
        if (_fifo is null)
        {
            return null;
        }

        // Every process of the tree has exited (or is no longer waited for): what they wrote is in the pipe before the marker.
        _endWritten = true;
        _fifo.Write(ShimStreamDecoder.EndMarker);
        await _readerDone.Task.ConfigureAwait(false);
        return await Task.Run(() =>
        {
            _heap.Finish();
            if (_decoder!.Malformed > 0)
            {
                _warnings.Add($"the allocation pipe carried {_decoder.Malformed} malformed chunks; the native figures stop there");
            }

            return _heap.Spaces.Count == 0 ? null : ((NativeAllocationProfile, IReadOnlyList<MemoryEvent>)?)NativeAllocationReport.Build(_heap, UnixMs);
        }).ConfigureAwait(false);
    }

    // The reader only moves bytes from the pipe into memory, so the pipe empties as fast as the kernel allows: the
    // decoding (dictionary work per event) runs behind it on another thread and may lag without making the shim drop.
    // Reads fill large pooled segments, so a storm of small reads costs no allocation each.
    private void Read()
    {
        var pending = System.Threading.Channels.Channel.CreateUnbounded<PipeBytes>(new() { SingleReader = true, SingleWriter = true });
        var decoding = Task.Run(() => DecodeAsync(pending.Reader));
        var segment = RentSegment();
        var filled = 0;
        try
        {
            while (true)
            {
                var length = _fifo!.Read(segment.AsSpan(filled));
                var ended = length >= ShimStreamDecoder.HeaderBytes && _endWritten
                    && segment.AsSpan(filled + length - ShimStreamDecoder.HeaderBytes, ShimStreamDecoder.HeaderBytes).SequenceEqual(ShimStreamDecoder.EndMarker);
                var last = ended || segment.Length - (filled + length) < MinReadBytes;
                pending.Writer.TryWrite(new PipeBytes(segment, filled, length, last));
                filled += length;
                // The end marker is the last chunk anyone writes before RustScope stops reading.
                if (ended)
                {
                    break;
                }

                if (last)
                {
                    segment = RentSegment();
                    filled = 0;
                }
            }
        }
        catch (IOException e)
        {
            _warnings.Add($"reading the allocation pipe failed: {e.Message}");
        }

        pending.Writer.TryComplete();
        decoding.GetAwaiter().GetResult();
        _readerDone.SetResult();
    }

    private byte[] RentSegment() => _segments.TryTake(out var segment) ? segment : new byte[SegmentBytes];

    private async Task DecodeAsync(System.Threading.Channels.ChannelReader<PipeBytes> pending)
    {
        await foreach (var piece in pending.ReadAllAsync().ConfigureAwait(false))
        {
            if (!_decoder!.Ended)
            {
                _decoder.Feed(piece.Segment.AsSpan(piece.Start, piece.Length));
            }

            if (piece.LastOfSegment)
            {
                _segments.Add(piece.Segment);
            }
        }
    }

    // Each second's sample gets the most bytes live during that second (as heap_mb has the most resident).
    private List<Sample> WithLiveBytes(IReadOnlyList<Sample> samples)
    {
        var curve = _heap.Curve.Select(p => (Ts: UnixMs(p.Ns), p.LiveBytes)).ToList();
        var result = new List<Sample>(samples.Count);
        var previousTs = long.MinValue;
        foreach (var sample in samples)
        {
            var inSecond = curve.Where(p => p.Ts > previousTs && p.Ts <= sample.Ts).Select(static p => p.LiveBytes).DefaultIfEmpty(-1).Max();
            var live = inSecond >= 0 ? inSecond : curve.LastOrDefault(p => p.Ts <= sample.Ts, (long.MinValue, -1)).LiveBytes;
            result.Add(live >= 0 ? sample with { NativeLiveMb = Math.Round(live / 1e6, 3) } : sample);
            previousTs = sample.Ts;
        }

        return result;
    }
}
