using System.Text;

namespace RustScope.Collectors.Process;

/// <summary>What /proc says about a process that is not our child: its executable, its arguments, whether it still runs.</summary>
internal static class TargetIdentity
{
    public static string? Executable(int pid)
    {
        try
        {
            return File.ResolveLinkTarget($"/proc/{pid}/exe", returnFinalTarget: false)?.FullName
                ?? (Directory.Exists($"/proc/{pid}") ? $"pid {pid}" : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's process: the link is unreadable, but the process exists.
            return Directory.Exists($"/proc/{pid}") ? $"pid {pid}" : null;
        }
    }

    public static IReadOnlyList<string> Arguments(int pid)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(File.ReadAllBytes($"/proc/{pid}/cmdline")).Split('\0');
            return parts.Length > 1 ? parts[1..^1] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllBytes($"/proc/{pid}/stat");
            return ProcStatParser.TryParse(stat, out var parsed) && parsed.State is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
