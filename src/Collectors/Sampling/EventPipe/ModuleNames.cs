using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// The names of the target's modules as its loader spelled them. TraceLog read live lower-cases module paths (a
/// habit from case-insensitive Windows), which on Linux would report "samplingtarget" for SamplingTarget.dll.
/// </summary>
internal sealed class ModuleNames
{
    private readonly Dictionary<string, string> _byLowerCase = new(StringComparer.Ordinal);

    /// <summary>Learns the names from module loads while the target runs and from the rundown at the end (an attached target's modules loaded earlier).</summary>
    public void Listen(TraceEventSource source)
    {
        source.Clr.LoaderModuleLoad += data => Add(data.ModuleILPath);
        new ClrRundownTraceEventParser(source).LoaderModuleDCStop += data => Add(data.ModuleILPath);
    }

    /// <summary>The loader's spelling of a module name TraceLog reports; the name itself when no load named it.</summary>
    public string Restore(string name) => _byLowerCase.GetValueOrDefault(name, name);

    private void Add(string path)
    {
        if (Path.GetFileNameWithoutExtension(path) is { Length: > 0 } name)
        {
            _byLowerCase.TryAdd(name.ToLowerInvariant(), name);
        }
    }
}
