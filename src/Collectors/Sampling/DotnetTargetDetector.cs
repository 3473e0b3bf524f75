using RustScope.Collectors.Process;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Recognises a .NET root from its command line: the <c>dotnet</c> host (whether it runs an app or an SDK command such as
/// <c>dotnet build</c>, whose CLI is a .NET program too), or an apphost (an executable with its
/// <c>name.runtimeconfig.json</c> or <c>name.dll</c> beside it).
/// </summary>
internal static class DotnetTargetDetector
{
    public static bool IsDotnet(LaunchSpec launch)
    {
        var program = CommandResolver.Resolve(launch.FileName, Environment.GetEnvironmentVariable("PATH"));
        if (program is null)
        {
            return false;
        }

        // Only a host command that needs no runtime (`dotnet --list-sdks`) never connects; it ends, and the wait with it.
        var name = Path.GetFileName(program);
        if (name is "dotnet")
        {
            return true;
        }

        var directory = Path.GetDirectoryName(program)!;
        return File.Exists(Path.Combine(directory, name + ".runtimeconfig.json")) || File.Exists(Path.Combine(directory, name + ".dll"));
    }
}
