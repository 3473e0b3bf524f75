using RustScope.Collectors.Process;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Recognises a .NET target from its command line: the <c>dotnet</c> host running a .dll, or an apphost
/// (an executable with its <c>name.runtimeconfig.json</c> or <c>name.dll</c> beside it).
/// </summary>
internal static class DotnetTargetDetector
{
    public static bool IsDotnet(LaunchSpec launch)
    {
        var program = Resolve(launch.FileName, launch.WorkingDirectory);
        if (program is null)
        {
            return false;
        }

        var name = Path.GetFileName(program);
        if (name is "dotnet")
        {
            // `dotnet app.dll` or `dotnet exec app.dll`; SDK commands (`dotnet run`, `dotnet test`) start other processes.
            var first = launch.Arguments.FirstOrDefault(a => !a.StartsWith('-'));
            return first is not null && (first.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || first == "exec");
        }

        var directory = Path.GetDirectoryName(program)!;
        return File.Exists(Path.Combine(directory, name + ".runtimeconfig.json")) || File.Exists(Path.Combine(directory, name + ".dll"));
    }

    /// <summary>The full path of the program as the launcher will find it: a path as given, a bare name through PATH.</summary>
    private static string? Resolve(string fileName, string? workingDirectory)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(fileName, workingDirectory ?? Environment.CurrentDirectory);
            return File.Exists(full) ? full : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, fileName))
            .FirstOrDefault(File.Exists);
    }
}
