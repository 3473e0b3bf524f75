using System.Text;

namespace RustScope.Collectors.Native;

/// <summary>
/// One program image of one process (a process start, a fork child, or the image an exec put in its place): caller
/// addresses mean something only against its memory map, and its live blocks are its own.
/// </summary>
internal sealed class AddressSpace(int id, int pid)
{
    private readonly StringBuilder _mapsText = new();
    // By stack id: ids are dense in an image (one counter per process), with holes where a definition was dropped.
    private NativeSite?[] _stacks = new NativeSite?[64];

    public int Id { get; } = id;

    public int Pid { get; } = pid;

    /// <summary>Live blocks by address; a second block at the same address (a free not seen yet) waits in <see cref="Later"/>.</summary>
    public Dictionary<ulong, LiveBlock> Live { get; } = [];

    /// <summary>
    /// Blocks at an address that was still live here: another thread freed the first one but its buffer reached the
    /// pipe later. Frees of that address release the blocks in the order they were made.
    /// </summary>
    public Dictionary<ulong, Queue<LiveBlock>> Later { get; } = [];

    /// <summary>Frees of addresses not (yet) allocated here: blocks made before tracking, or by another thread whose events come later.</summary>
    public Dictionary<ulong, int> EarlyFrees { get; } = [];

    /// <summary>The memory maps the image sent, latest first (at start, at exit).</summary>
    public List<string> Maps { get; } = [];

    /// <summary>Events the image dropped (the highest count its chunks carried).</summary>
    public long Dropped { get; set; }

    /// <summary>The newest time one of its chunks carried, monotonic nanoseconds.</summary>
    public long LastNs { get; set; }

    /// <summary>An exec replaced this image: its memory went with it, none of it leaked.</summary>
    public bool Replaced { get; set; }

    /// <summary>The site the image's stream named <paramref name="id"/> (null for an id never defined).</summary>
    public NativeSite? Stack(ulong id) => id < (ulong)_stacks.Length ? _stacks[id] : null;

    /// <summary>A call stack the image's stream defined: later allocations name it by <paramref name="id"/>.</summary>
    public void DefineStack(ulong id, NativeSite site)
    {
        if (id >= (ulong)_stacks.Length)
        {
            Array.Resize(ref _stacks, (int)Math.Max((long)id + 1, _stacks.Length * 2L));
        }

        _stacks[id] = site;
    }

    public void AppendMaps(ReadOnlySpan<byte> text) => _mapsText.Append(Encoding.UTF8.GetString(text));

    public void EndMaps()
    {
        Maps.Insert(0, _mapsText.ToString());
        _mapsText.Clear();
    }
}
