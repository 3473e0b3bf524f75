using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RustScope.Profiling.Endpoint.EventPipe;

/// <summary>
/// Reads one heap-snapshot session: the type names (GCBulkType) and the objects (GCBulkNode) the runtime reports during
/// the full GC the session triggers, and stops the session when that GC ends.
/// </summary>
internal sealed class HeapWalk(EventPipeSession session)
{
    private readonly Dictionary<ulong, string> _types = [];
    private readonly Dictionary<ulong, long> _bytesByType = [];
    private int? _walkedGc;

    public void Read()
    {
        using var source = new EventPipeEventSource(session.EventStream);
        source.Clr.GCStart += data =>
        {
            // The first blocking full GC after the session began walks the heap (dotnet-gcdump's rule: the reason it
            // reports varies, a background GC never walks).
            if (_walkedGc is null && data.Depth == 2 && data.Type != GCType.BackgroundGC)
            {
                _walkedGc = data.Count;
            }
        };
        source.Clr.GCStop += data =>
        {
            if (data.Count == _walkedGc)
            {
                Stop();
            }
        };
        source.Clr.TypeBulkType += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var type = data.Values(i);
                _types.TryAdd(type.TypeID, type.TypeName);
            }
        };
        source.Clr.GCBulkNode += data =>
        {
            for (var i = 0; i < data.Count; i++)
            {
                var node = data.Values(i);
                _bytesByType[node.TypeID] = _bytesByType.GetValueOrDefault(node.TypeID) + (long)node.Size;
            }
        };
        source.Process();
    }

    /// <summary>Live bytes by type name, once <see cref="Read"/> has returned.</summary>
    public IEnumerable<(string Type, long Bytes)> LiveBytes() =>
        _bytesByType
            .GroupBy(pair => _types.GetValueOrDefault(pair.Key) is { Length: > 0 } name ? name : $"type 0x{pair.Key:x}")
            .Select(static g => (g.Key, g.Sum(static p => p.Value)))
            .OrderByDescending(static t => t.Item2);

    private void Stop()
    {
        try
        {
            session.Stop();
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException or EndOfStreamException)
        {
            // The stream ends on its own.
        }
    }
}
