using RustScope.Collectors.Process;

namespace RustScope.Collectors.Sampling;

/// <summary>
/// Recognises a .NET target from its command line: the <c>dotnet</c> host running a .dll, or an apphost
/// (an executable with its <c>name.runtimeconfig.json</c> or <c>name.dll</c> beside it).
/// </summary>
internal static class DotnetTargetDetector
{
    /// <summary>The host's options that take a value (<c>dotnet --roll-forward Major app.dll</c>): the value is not the app.</summary>
    private static readonly HashSet<string> HostOptionsWithValue = new(StringComparer.Ordinal)
    {
        "--roll-forward", "--runtimeconfig", "--depsfile", "--additionalprobingpath", "--fx-version", "--additional-deps",
    };

    public static bool IsDotnet(LaunchSpec launch)
    {
        var program = CommandResolver.Resolve(launch.FileName, Environment.GetEnvironmentVariable("PATH"));
        if (program is null)
        {
            return false;
        }

        var name = Path.GetFileName(program);
        if (name is "dotnet")
        {
            // `dotnet app.dll` or `dotnet exec app.dll`; SDK commands (`dotnet run`, `dotnet test`) start other processes.
            var first = FirstPositional(launch.Arguments);
            return first is not null && (first.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || first == "exec");
        }

        var directory = Path.GetDirectoryName(program)!;
        return File.Exists(Path.Combine(directory, name + ".runtimeconfig.json")) || File.Exists(Path.Combine(directory, name + ".dll"));
    }

    private static string? FirstPositional(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (HostOptionsWithValue.Contains(arguments[i]))
            {
                i++;
            }
            else if (!arguments[i].StartsWith('-'))
            {
                return arguments[i];
            }
        }

        return null;
    }
}
