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
}
