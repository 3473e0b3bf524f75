using System.Buffers.Text;
using Microsoft.Win32.SafeHandles;

namespace RustScope.Collectors.Process;

/// <summary>
/// The children of a process from <c>/proc/PID/task/TID/children</c>. The kernel lists a child under the thread that
/// started it, so every thread's file is read. The files stay open and are re-read with pread into one buffer, so a
/// discovery pass allocates nothing; the task directory is listed again only when told to (threads came or went).
/// </summary>
internal sealed class ProcChildren(int pid) : IDisposable
{
    private readonly List<SafeFileHandle> _tasks = [];
    private byte[] _buffer = new byte[4096];

    /// <summary>The children of <paramref name="pid"/> now (a one-off read, for cold paths).</summary>
    public static List<int> Of(int pid)
    {
        using var children = new ProcChildren(pid);
        var found = new List<int>();
        children.AddTo(found, relistTasks: true);
        return found;
    }

    /// <summary>Appends the pids of the process's children to <paramref name="found"/>.</summary>
    /// <param name="found">Where the children go.</param>
    /// <param name="relistTasks">List the threads again first; the open files then follow the threads that exist now.</param>
    public void AddTo(List<int> found, bool relistTasks)
    {
        if (relistTasks)
        {
            Relist();
        }

        foreach (var task in _tasks)
        {
            var length = ReadAll(task);
            var content = _buffer.AsSpan(0, length);
            while (!content.IsEmpty)
            {
                var end = content.IndexOf((byte)' ');
                var token = (end < 0 ? content : content[..end]).Trim((byte)'\n');
                if (Utf8Parser.TryParse(token, out int child, out var consumed) && consumed == token.Length)
                {
                    found.Add(child);
                }

                content = end < 0 ? [] : content[(end + 1)..];
            }
        }
    }

    public void Dispose() => Close();

    private void Relist()
    {
        Close();
        IEnumerable<string> tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var task in tasks)
        {
            try
            {
                _tasks.Add(File.OpenHandle(Path.Combine(task, "children"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The thread ended meanwhile.
            }
        }
    }

    /// <summary>Reads the whole file from its start (the kernel regenerates it), growing the buffer for long lists.</summary>
    private int ReadAll(SafeFileHandle task)
    {
        var total = 0;
        try
        {
            int read;
            while ((read = RandomAccess.Read(task, _buffer.AsSpan(total), total)) > 0)
            {
                total += read;
                if (total == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }
        }
        catch (IOException)
        {
            // A thread that ended lists nothing.
        }

        return total;
    }

    private void Close()
    {
        foreach (var task in _tasks)
        {
            task.Dispose();
        }

        _tasks.Clear();
    }
}
