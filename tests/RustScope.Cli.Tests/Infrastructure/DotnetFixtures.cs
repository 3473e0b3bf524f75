namespace RustScope.Cli.Tests.Infrastructure;

/// <summary>The .NET fixture programs under tests/fixtures, built with this test project in the same configuration.</summary>
internal static class DotnetFixtures
{
    /// <summary>SamplingTarget.dll: <c>hot</c> burns CPU in HotLoop, <c>alloc</c> allocates byte[] in AllocHeavy, <c>crash</c> dies mid-run.</summary>
    public static string SamplingTarget { get; } = Locate("SamplingTarget");

    /// <summary>ShutdownTarget.dll: <c>slow-exit FILE</c> takes about 1 s from SIGINT to exit, then writes FILE; <c>ignore</c> ignores SIGINT and SIGTERM.</summary>
    public static string ShutdownTarget { get; } = Locate("ShutdownTarget");

    private static string Locate(string name)
    {
        // tests/RustScope.Cli.Tests/bin/<Configuration>/net10.0/ → tests/fixtures/NAME/bin/<Configuration>/net10.0/NAME.dll
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = testOutput.Parent!.Name;
        var tests = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "fixtures", name, "bin", configuration, testOutput.Name, name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build tests/fixtures/{name} first", dll);
    }
}
