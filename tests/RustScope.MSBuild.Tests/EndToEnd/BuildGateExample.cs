using RustScope.Cli.Tests.Infrastructure;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests.EndToEnd;

/// <summary>
/// A copy of <c>examples/BuildGate</c> in a scratch git repository, restoring RustScope.MSBuild from the packed feed into
/// its own package folder, built with the real <c>dotnet build</c>. Each build keeps a binlog under artifacts/binlogs.
/// </summary>
internal sealed class BuildGateExample : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("rustscope-buildgate-").FullName;
    private readonly string _testName;

    public BuildGateExample(string testName)
    {
        _testName = testName;
        Copy(System.IO.Path.Combine(Repository.Root, "examples", "BuildGate"), _root);
        PackageFeed.WriteNuGetConfig(_root);

        // A repository like a user's, so the reports show paths from its root.
        using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", ["init", "-q", _root]))!;
        git.WaitForExit();
    }

    /// <summary>The configuration the project is built and profiled in.</summary>
    public string Configuration { get; init; } = "Release";

    public string Path(string relative) => System.IO.Path.Combine(_root, relative);

    public string ReportDirectory => Path("Shop.Bench/obj/rustscope");

    /// <summary>Runs <c>dotnet build -t:RustScopeProfile</c> on the console project with extra properties.</summary>
    public Task<(int ExitCode, string Output)> ProfileAsync(string step, params string[] properties) =>
        RunBuildAsync(step, ["-t:RustScopeProfile", .. properties.Select(p => "-p:" + p)]);

    /// <summary>Runs a plain <c>dotnet build</c> (the Build target) on the console project with extra properties.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync(string step, params string[] properties) =>
        RunBuildAsync(step, [.. properties.Select(p => "-p:" + p)]);

    private async Task<(int ExitCode, string Output)> RunBuildAsync(string step, IEnumerable<string> arguments)
    {
        var binlogs = System.IO.Path.Combine(Repository.Root, "artifacts", "binlogs");
        System.IO.Directory.CreateDirectory(binlogs);
        return await DotnetCommand.RunAsync(Path("Shop.Bench"), PackageFeed.IsolatedEnvironment(Path("nuget-packages")), "dotnet",
        [
            "build", "-c", Configuration, "-nodeReuse:false", "-nologo", "-v:m",
            $"-p:BuildGateRustScopeVersion={PackageFeed.Version}",
            $"-bl:{System.IO.Path.Combine(binlogs, $"{_testName}-{step}.binlog")}",
            .. arguments,
        ]);
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);

    private static void Copy(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(from, file);
            if (relative.Split('/') is var parts && (parts.Contains("bin") || parts.Contains("obj")))
            {
                continue;
            }

            var target = System.IO.Path.Combine(to, relative);
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
