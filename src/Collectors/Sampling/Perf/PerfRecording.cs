using System.Diagnostics;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// <c>perf record</c> on a native process tree (software cpu-clock at 99 Hz with call graphs; new children inherit
/// the event), then <c>perf script</c> parsed into functions and stacks. Both run without a shell.
/// </summary>
internal sealed class PerfRecording : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private readonly System.Diagnostics.Process _record;
    private readonly string _dataPath;
    private readonly Task<string> _stderr;

    private PerfRecording(System.Diagnostics.Process record, string dataPath)
    {
        _record = record;
        _dataPath = dataPath;
        _stderr = record.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts recording, or returns why perf cannot run here.</summary>
    /// <param name="pids">The processes of the tree that exist now, root first.</param>
    public static (PerfRecording? Recording, string? Warning) Start(IReadOnlyList<int> pids, string perfPath, string workDirectory)
    {
        var dataPath = Path.Combine(workDirectory, "perf.data");
        var pidList = string.Join(',', pids.Select(pid => pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var start = Info(perfPath, "record", "-F", "99", "-g", "-e", "cpu-clock", "-p", pidList, "-o", dataPath, "--quiet");
        try
        {
            return (new PerfRecording(System.Diagnostics.Process.Start(start)!, dataPath), null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"perf could not start ({e.Message}); no function data for this native target");
        }
    }

    /// <summary>Stops perf (SIGINT makes it write its data) and parses the samples.</summary>
    public async Task<SampledProfile> CompleteAsync(string perfPath)
    {
        if (!_record.HasExited)
        {
            Libc.Kill(_record.Id, Libc.SigInt);
        }

        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await _record.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _record.Kill();
                return SampledProfile.Warning("perf record did not stop within 15 s; no function data for this native target");
            }
        }

        var stderr = (await _stderr.ConfigureAwait(false)).Trim();
        if (!File.Exists(_dataPath) || new FileInfo(_dataPath).Length == 0)
        {
            return SampledProfile.Warning($"perf record failed (exit {_record.ExitCode}): {FirstLine(stderr)}; see /proc/sys/kernel/perf_event_paranoid");
        }

        return await ScriptAsync(perfPath).ConfigureAwait(false);
    }

    private async Task<SampledProfile> ScriptAsync(string perfPath)
    {
        using var script = System.Diagnostics.Process.Start(Info(perfPath, "script", "-i", _dataPath, "-F", "comm,tid,ip,sym,dso"))!;
        var errors = script.StandardError.ReadToEndAsync();
        var aggregator = new StackAggregator();
        await Task.Run(() => PerfScriptParser.Parse(script.StandardOutput, aggregator)).ConfigureAwait(false);
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
        if (!_record.HasExited)
        {
            _record.Kill();
        }

        _record.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ProcessStartInfo Info(string perfPath, params string[] arguments)
    {
        var info = new ProcessStartInfo(perfPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : "no message";
}
