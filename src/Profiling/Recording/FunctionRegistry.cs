using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using RustScope.Profiling.Session;

namespace RustScope.Profiling.Recording;

/// <summary>
/// Function ids and every thread's recorder. Ids are handed out once per function (at type initialisation of the
/// woven code), so recording is an array index, never a dictionary lookup.
/// </summary>
internal static class FunctionRegistry
{
    private static readonly object Gate = new();
    private static readonly List<string> Names = [];
    private static readonly List<string?> Symbols = [];
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly List<ThreadRecorder> Recorders = [];

    [ThreadStatic]
    private static ThreadRecorder? t_recorder;

    public static ThreadRecorder Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => t_recorder ?? CreateRecorder();
    }

    /// <summary>
    /// The id of <paramref name="name"/>; lock-free once registered, so scopes can look their name up per use. A woven
    /// method gives its metadata name too (<paramref name="symbol"/>), which the first registration keeps.
    /// </summary>
    public static int Register(string name, string? symbol = null)
    {
        if (Ids.TryGetValue(name, out var id))
        {
            return id;
        }

        // Whatever gets recorded in this process reaches the session file at exit.
        ExitFlush.Install();
        lock (Gate)
        {
            if (!Ids.TryGetValue(name, out id))
            {
                id = Names.Count;
                Names.Add(name);
                Symbols.Add(symbol);
                Ids[name] = id;
            }

            return id;
        }
    }

    public static (IReadOnlyList<string> Names, IReadOnlyList<string?> Symbols, IReadOnlyList<ThreadRecorder> Recorders) Snapshot()
    {
        lock (Gate)
        {
            return ([.. Names], [.. Symbols], [.. Recorders]);
        }
    }

    public static void Clear()
    {
        lock (Gate)
        {
            foreach (var recorder in Recorders)
            {
                recorder.Clear();
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ThreadRecorder CreateRecorder()
    {
        var recorder = new ThreadRecorder();
        lock (Gate)
        {
            Recorders.Add(recorder);
        }

        t_recorder = recorder;
        return recorder;
    }
}
