namespace RustScope.Collectors.Sampling.EventPipe;

/// <summary>
/// The names of a process's sampled threads, read from <c>/proc/PID/task/TID/comm</c> when a thread is first seen:
/// EventPipe sends no thread names, and the runtime names its threads through the kernel (".NET TP Worker"). A thread
/// that ended before it was seen stays unnamed.
/// </summary>
internal sealed class ThreadNames(int pid)
{
    private readonly Dictionary<int, string> _names = [];
    private readonly HashSet<int> _seen = [];

    public IReadOnlyDictionary<int, string> Names => _names;

    public void Saw(int tid)
    {
        if (!_seen.Add(tid))
        {
            return;
        }

        try
        {
            _names[tid] = File.ReadAllText($"/proc/{pid}/task/{tid}/comm").TrimEnd('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The thread or its process is gone.
        }
    }
}
