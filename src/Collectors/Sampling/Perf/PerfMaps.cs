using RustScope.Collectors.Process;

namespace RustScope.Collectors.Sampling.Perf;

/// <summary>
/// Names for the JIT-compiled code of .NET processes that perf samples (a <c>dotnet build</c> tree's children): the
/// runtime writes <c>perf-PID.map</c> files, which perf reads from <c>/tmp</c> when it symbolises. The runtime is told
/// to write them into RustScope's work folder, so it is known which maps RustScope caused; they are placed in
/// <c>/tmp</c> only while <c>perf script</c> runs.
/// </summary>
internal sealed class PerfMaps
{
    private const string EnabledVariable = "DOTNET_PerfMapEnabled";
    private readonly string _directory;
    private readonly List<string> _placed = [];

    private PerfMaps(string directory) => _directory = directory;

    /// <summary>
    /// Asks the .NET processes of the launched tree for perf maps in <paramref name="directory"/>; null when the
    /// user's environment already decides about perf maps (then the maps, if any, are the user's and left alone).
    /// </summary>
    public static PerfMaps? Request(LaunchSpec launch, string directory)
    {
        if (launch.Environment.ContainsKey(EnabledVariable) || Environment.GetEnvironmentVariable(EnabledVariable) is not null
            || Environment.GetEnvironmentVariable("COMPlus_PerfMapEnabled") is not null)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        // 3: the perf map only, no jitdump files.
        launch.Environment[EnabledVariable] = "3";
        launch.Environment["DOTNET_PerfMapJitDumpPath"] = directory;
        // One name per method rather than one per tier ([QuickJitted], [OptimizedTier1]…), as EventPipe reports them.
        launch.Environment["DOTNET_PerfMapShowOptimizationTiers"] = "0";
        // With W^X on (the default since .NET 7) JIT code runs from a memfd mapping, which perf 6.1 takes for a file
        // and never looks up in the perf map; in anonymous memory it does.
        if (Environment.GetEnvironmentVariable("DOTNET_EnableWriteXorExecute") is null)
        {
            launch.Environment.TryAdd("DOTNET_EnableWriteXorExecute", "0");
        }
        return new PerfMaps(directory);
    }

    /// <summary>Links the maps the runtime wrote into /tmp; a pid that already has a map there keeps it.</summary>
    public void Place()
    {
        if (!Directory.Exists(_directory))
        {
            return;
        }

        foreach (var map in Directory.EnumerateFiles(_directory, "perf-*.map"))
        {
            var link = Path.Combine("/tmp", Path.GetFileName(map));
            try
            {
                File.CreateSymbolicLink(link, map);
                _placed.Add(link);
            }
            catch (IOException)
            {
                // Another process of that pid, or the user, has a map there: it is not ours to replace.
            }
        }
    }

    /// <summary>Removes the links <see cref="Place"/> made.</summary>
    public void Remove()
    {
        foreach (var link in _placed)
        {
            File.Delete(link);
        }

        _placed.Clear();
    }
}
