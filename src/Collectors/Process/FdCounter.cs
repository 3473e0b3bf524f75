using System.Runtime.CompilerServices;
using System.Text;
using RustScope.Collectors.Process.Native;

namespace RustScope.Collectors.Process;

/// <summary>Counts a process's open file descriptors by listing <c>/proc/PID/fd</c> through libc, allocation-free per call.</summary>
internal sealed unsafe class FdCounter
{
    private readonly byte[] _path;

    public FdCounter(int pid) => _path = Encoding.ASCII.GetBytes($"/proc/{pid}/fd\0");

    /// <summary>The number of open descriptors, or -1 when the directory cannot be read (gone, or not permitted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Count()
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
}
