using System.Buffers.Text;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

namespace RustScope.Collectors.Process;

/// <summary>
/// Tells whether any process or thread may have been created since the last check, from the last field of
/// <c>/proc/loadavg</c> (the most recently allocated pid of our pid namespace). When nothing was created anywhere,
/// the tree cannot have gained a child and discovery can be skipped: with a sleeping tree of 50 processes, that
/// listing and reading of every <c>task/*/children</c> file was the sampler's largest cost.
/// </summary>
internal sealed class ProcessCreationWatch : IDisposable
{
    // A pid is allocated slightly before the child joins its parent's children list; one more scan after the last
    // change finds a child that was still joining during the first.
    private const int QuietChecksBeforeSkipping = 2;
    private readonly SafeFileHandle? _loadavg;
    private readonly byte[] _buffer = new byte[128];
    private int _lastPid = -1;
    private int _quietChecks;

    /// <param name="loadavgPath">The kernel's file; tests pass one they write.</param>
    public ProcessCreationWatch(string loadavgPath = "/proc/loadavg")
    {
        try
        {
            _loadavg = File.OpenHandle(loadavgPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without it, every discovery scans.
            _loadavg = null;
        }
    }

    /// <summary>False only when no pid has been allocated for long enough that the tree is known to be complete.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MayHaveNewProcesses()
    {
        if (_loadavg is null || !TryRead(out var read) || !TryParseLastPid(_buffer.AsSpan(0, read), out var lastPid))
        {
            return true;
        }

        _quietChecks = lastPid == _lastPid ? _quietChecks + 1 : 0;
        _lastPid = lastPid;
        return _quietChecks < QuietChecksBeforeSkipping;
    }

    public void Dispose() => _loadavg?.Dispose();

    /// <summary>The last field of <c>/proc/loadavg</c> ("0.20 0.18 0.12 1/80 11206").</summary>
    public static bool TryParseLastPid(ReadOnlySpan<byte> loadavg, out int lastPid)
    {
        lastPid = 0;
        var content = loadavg.TrimEnd((byte)'\n');
        var space = content.LastIndexOf((byte)' ');
        return space >= 0 && Utf8Parser.TryParse(content[(space + 1)..], out lastPid, out var consumed) && consumed == content.Length - space - 1;
    }

    private bool TryRead(out int read)
    {
        try
        {
            read = RandomAccess.Read(_loadavg!, _buffer, 0);
            return true;
        }
        catch (IOException)
        {
            read = 0;
            return false;
        }
    }
}
