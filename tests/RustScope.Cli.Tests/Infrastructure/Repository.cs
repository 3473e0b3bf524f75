using System.Diagnostics;

namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>Paths in the repository this test assembly was built from.</summary>
internal static class Repository
{
    // tests/<test project>/bin/<Configuration>/net10.0/ → the repository root.
    private static readonly DirectoryInfo TestOutput = new(AppContext.BaseDirectory.TrimEnd('/'));

    public static string Root { get; } = TestOutput.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string Configuration => TestOutput.Parent!.Name;

    /// <summary>The rustscope.dll built in the same configuration.</summary>
    public static string CliPath { get; } = Path.Combine(Root, "src", "Cli", "bin", Configuration, "net10.0", "rustscope.dll");

    /// <summary>
    /// How the tests start rustscope: the native tool <c>./build.sh test</c> published for this machine
    /// (<c>RUSTSCOPE_TEST_CLI</c>), as users install it; else <c>dotnet rustscope.dll</c> built in the same configuration.
    /// </summary>
    public static IReadOnlyList<string> CliCommand { get; } =
        Environment.GetEnvironmentVariable("RUSTSCOPE_TEST_CLI") is { Length: > 0 } tool ? [tool] : ["dotnet", CliPath];

    /// <summary>A start of <see cref="CliCommand"/> with <paramref name="arguments"/> after it.</summary>
    public static ProcessStartInfo CliStartInfo(IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(CliCommand[0]);
        foreach (var argument in CliCommand.Skip(1).Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
