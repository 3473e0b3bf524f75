using System.Runtime.CompilerServices;
using System.Text;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Process;

/// <summary>
/// Counts a process's open file descriptors, allocation-free per call. Since Linux 6.2 the size of
/// <c>/proc/PID/fd</c> is that count: one statx on the directory, kept open, costs a fraction of listing it (the
/// kernel builds no dentry per descriptor) and needs no permission check per call. Older kernels report 0 there;
/// the counter then lists the directory through libc.
/// </summary>
internal sealed unsafe class FdCounter : IDisposable
{
    private readonly byte[] _path;
    private readonly int _directory = -1;

    /// <param name="pid">The process.</param>
    /// <param name="listing">List the directory even where the kernel counts (to check one way against the other).</param>
    public FdCounter(int pid, bool listing = false)
    {
        _path = Encoding.ASCII.GetBytes($"/proc/{pid}/fd\0");
        if (IsCheap && !listing)
        {
            _directory = OpenDirectory(_path);
        }
    }

    /// <summary>Whether <see cref="Count"/> costs one system call (the kernel counts), rather than a directory listing.</summary>
    public static bool IsCheap { get; } = ProbeSizeIsCount();

    /// <summary>The number of open descriptors, or -1 when the directory cannot be read (gone, or not permitted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Count() => _directory >= 0 ? (int)Libc.SizeOf(_directory) : List();

    public void Dispose()
    {
        if (_directory >= 0)
        {
            _ = Libc.close(_directory);
        }
    }

    private int List()
    {
        fixed (byte* path = _path)
        {
            var directory = Libc.opendir(path);
            if (directory == 0)
            {
                return -1;
            }

            var count = 0;
            byte* entry;
            while ((entry = Libc.readdir(directory)) != null)
            {
                // d_name follows d_ino (8), d_off (8), d_reclen (2) and d_type (1) in glibc's struct dirent.
                if (entry[19] != (byte)'.')
                {
                    count++;
                }
            }

            _ = Libc.closedir(directory);
            return count;
        }
    }

    private static int OpenDirectory(byte[] path)
    {
        fixed (byte* p = path)
        {
            return Libc.OpenDirectory(p);
        }
    }

    // This process has descriptors open (the directory itself, at least): a size of 0 means the kernel does not count.
    private static bool ProbeSizeIsCount()
    {
        var directory = OpenDirectory("/proc/self/fd\0"u8.ToArray());
        if (directory < 0)
        {
            return false;
        }

        var size = Libc.SizeOf(directory);
        _ = Libc.close(directory);
        return size > 0;
    }
}
