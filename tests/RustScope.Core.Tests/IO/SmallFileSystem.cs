using System.Diagnostics;

namespace RustScope.Core.Tests.IO;

/// <summary>A 64 KiB tmpfs mounted for one test: a real disk that fills up. Mounting needs root (CAP_SYS_ADMIN).</summary>
internal sealed class SmallFileSystem : IDisposable
{
    private SmallFileSystem(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Why no tmpfs can be mounted here, or null when one can (probed once).</summary>
    public static string? UnusableReason { get; } = Probe();

    public static SmallFileSystem Mount()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("rustscope-full-").FullName;
        var (exitCode, error) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", directory);
        return exitCode == 0 ? new SmallFileSystem(directory) : throw new InvalidOperationException($"mount failed: {error}");
    }

    public void Dispose()
    {
        Run("umount", Directory);
        System.IO.Directory.Delete(Directory);
    }

    private static string? Probe()
    {
        try
        {
            using var probe = Mount();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return e.Message;
        }
    }

    private static (int ExitCode, string Error) Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Trim());
    }
}
