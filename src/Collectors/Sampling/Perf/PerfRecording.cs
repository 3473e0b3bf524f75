using System.Diagnostics;
using RustScope.Collectors.Process;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// <c>perf record</c> on a native process tree (software cpu-clock at <see cref="PerfOptions.Hz"/> with call graphs;
/// new children inherit the event; times on CLOCK_MONOTONIC, the clock of <see cref="System.Diagnostics.Stopwatch"/>),
/// then <c>perf script</c> parsed into functions and stacks. Both run without a shell.
/// </summary>
internal sealed class PerfRecording : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    // A process of the tree that exits between being listed and perf attaching makes perf give up; it is started again
    // with the ones still alive, a few times at most (a fork-heavy script can lose several in a row).
    private const int MaxAttaches = 4;
    private readonly Lock _gate = new();
    private readonly string _dataPath;
    private readonly string _perfPath;
    private readonly IReadOnlyList<int> _pids;
    private readonly PerfOptions _options;
    private readonly Task _watcher;
    private System.Diagnostics.Process _record;
    private Task<string> _stderr;
    private bool _stopping;
    // Every process of the tree had exited when perf gave up: the target was over before perf could attach.
    private bool _treeGoneFirst;

    private PerfRecording(System.Diagnostics.Process record, string perfPath, string dataPath, IReadOnlyList<int> pids, PerfOptions options)
    {
        (_record, _perfPath, _dataPath, _pids, _options) = (record, perfPath, dataPath, pids, options);
        _stderr = record.StandardError.ReadToEndAsync();
        _watcher = ReattachAsync();
    }

    /// <summary>Starts recording, or returns why perf cannot run here.</summary>
    /// <param name="pids">The processes of the tree that exist now, root first.</param>
    public static (PerfRecording? Recording, string? Warning) Start(IReadOnlyList<int> pids, string perfPath, string workDirectory, PerfOptions options)
    {
        var dataPath = Path.Combine(workDirectory, "perf.data");
        try
        {
            return (new PerfRecording(HelperProcesses.Start(Record(perfPath, pids, dataPath, options))!, perfPath, dataPath, pids, options), null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"perf could not start ({e.Message}); no function data for this native target");
        }
    }

    /// <summary>Stops perf (SIGINT makes it write its data) and parses the samples.</summary>
    /// <param name="perfPath">The perf program.</param>
    /// <param name="zeroTimestamp">The session's start, a <see cref="Stopwatch"/> timestamp: samples' seconds count from it.</param>
    /// <param name="maps">The perf maps of the tree's .NET processes, placed for perf while it symbolises; null for none.</param>
    public async Task<SampledProfile> CompleteAsync(string perfPath, long zeroTimestamp, PerfMaps? maps)
    {
        lock (_gate)
        {
            _stopping = true;
            if (!_record.HasExited)
            {
                Libc.Kill(_record.Id, Libc.SigInt);
            }
        }

        try
        {
            await _watcher.WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _record.Kill();
            return SampledProfile.Warning("perf record did not stop within 15 s; no function data for this native target");
        }

        var stderr = (await _stderr.ConfigureAwait(false)).Trim();
        if (!File.Exists(_dataPath) || new FileInfo(_dataPath).Length == 0)
        {
            // A 50 ms command is usually over before perf has started: that is no failure of perf's.
            return SampledProfile.Warning(_treeGoneFirst
                ? "the target's processes ended before perf could attach to them (perf needs a moment to start); no function data for this short native target"
                : RecordFailure(_record.ExitCode, stderr));
        }

        if (RecordedNothing(_dataPath))
        {
            // Stopped while it was still attaching (a short target with many processes): perf leaves only its header.
            return SampledProfile.Warning("the target ended while perf was still attaching to its processes (perf needs a moment to start); no function data for this short native target");
        }

        maps?.Place();
        try
        {
            return await ScriptAsync(perfPath, (double)zeroTimestamp / Stopwatch.Frequency).ConfigureAwait(false);
        }
        finally
        {
            maps?.Remove();
        }
    }

    // Completes when the recording perf has exited for good: stopped by CompleteAsync, or failed for another reason.
    private async Task ReattachAsync()
    {
        for (var attach = 1; ; attach++)
        {
            var record = _record;
            await record.WaitForExitAsync().ConfigureAwait(false);
            var stderr = await _stderr.ConfigureAwait(false);
            lock (_gate)
            {
                var alive = _pids.Where(IsRunning).ToList();
                // perf names the vanished process only without --quiet; a pid of the list that is gone says the same.
                var vanished = stderr.Contains("No such process", StringComparison.Ordinal) || (record.ExitCode != 0 && alive.Count < _pids.Count);
                if (_stopping || attach >= MaxAttaches || !vanished || alive.Count == 0)
                {
                    _treeGoneFirst = vanished && alive.Count == 0;
                    return;
                }

                _record = HelperProcesses.Start(Record(_perfPath, alive, _dataPath, _options))!;
                _stderr = _record.StandardError.ReadToEndAsync();
            }

            record.Dispose();
        }
    }

    private async Task<SampledProfile> ScriptAsync(string perfPath, double zeroSeconds)
    {
        using var script = HelperProcesses.Start(Info(perfPath, "script", "-i", _dataPath, "-F", "comm,pid,tid,time,ip,sym,dso"))!;
        var errors = script.StandardError.ReadToEndAsync();
        var aggregator = new StackAggregator();
        await Task.Run(() => PerfScriptParser.Parse(script.StandardOutput, aggregator, zeroSeconds)).ConfigureAwait(false);
        await script.WaitForExitAsync().ConfigureAwait(false);
        var stderr = await errors.ConfigureAwait(false);
        if (script.ExitCode != 0)
        {
            return SampledProfile.Warning($"perf script failed (exit {script.ExitCode}): {FirstLine(stderr)}");
        }

        return new SampledProfile
        {
            Functions = aggregator.Functions(),
            Stacks = aggregator.Stacks(),
            Warnings = aggregator.TotalWeight > 0 ? [] : ["perf recorded no CPU samples (the target ran too briefly or only waited)"],
        };
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _stopping = true;
            if (!_record.HasExited)
            {
                _record.Kill();
            }
        }

        _record.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo Record(string perfPath, IReadOnlyList<int> pids, string dataPath, PerfOptions options) =>
        Info(perfPath, [
            "record", "-F", options.Hz.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. options.CallGraph == CallGraph.Dwarf ? (string[])["--call-graph", "dwarf"] : ["-g"],
            "-k", "CLOCK_MONOTONIC", "-e", "cpu-clock",
            "-p", string.Join(',', pids.Select(pid => pid.ToString(System.Globalization.CultureInfo.InvariantCulture))), "-o", dataPath,
        ]);

    private static ProcessStartInfo Info(string perfPath, params string[] arguments)
    {
        var info = new ProcessStartInfo(perfPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>
    /// perf's own words, whatever they are (a vanished pid, a missing event, a permission); the sysctl is named only
    /// when perf's complaint is about permission.
    /// </summary>
    internal static string RecordFailure(int exitCode, string stderr)
    {
        var message = string.Join(" ", stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var permission = message.Contains("perf_event_paranoid", StringComparison.Ordinal) || message.Contains("ermission", StringComparison.Ordinal)
            || message.Contains("Access to performance monitoring", StringComparison.Ordinal);
        return $"perf record failed (exit {exitCode}): {(message.Length > 0 ? message : "no message")}{(permission ? "; see /proc/sys/kernel/perf_event_paranoid" : "")}";
    }

    /// <summary>
    /// Whether <paramref name="dataPath"/> is a perf.data file whose header says its data section is empty: perf fills
    /// the size in as it ends, so 0 means it was stopped before it recorded anything, and <c>perf script</c> would
    /// only complain that "the data size field is 0".
    /// </summary>
    internal static bool RecordedNothing(string dataPath)
    {
        // perf_file_header: magic "PERFILE2", size, attr_size, then the attrs and data sections (offset, size each).
        const int DataSizeOffset = 48;
        Span<byte> header = stackalloc byte[DataSizeOffset + sizeof(ulong)];
        using var file = File.OpenRead(dataPath);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && header[..8].SequenceEqual("PERFILE2"u8)
            && System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(header[DataSizeOffset..]) == 0;
    }

    // A zombie (exited, not yet reaped) still has its /proc entry, but perf cannot attach to it any more than to a gone pid.
    private static bool IsRunning(int pid)
    {
        using var probe = ProcessProbe.TryOpen(pid);
        return probe is not null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : "no message";
}
