namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>The .NET fixture programs built beside the tests (same configuration).</summary>
internal static class Fixtures
{
    public static string ProfiledApp { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "fixtures", "ProfiledApp", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "ProfiledApp.dll"));
}
