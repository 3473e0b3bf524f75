using System.Diagnostics;
using System.Text;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests.Infrastructure;

/// <summary>
/// A user's project in a temporary folder that references RustScope.Profiling and imports its weaving targets, as the
/// package does, with this repository's build of the weaver; built and run with the real dotnet CLI.
/// </summary>
internal sealed class WovenProject : IDisposable
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private readonly TempDirectory _directory;

    private WovenProject(TempDirectory directory, string name)
    {
        _directory = directory;
        Name = name;
    }

    /// <summary>The repository root (tests run from tests/X/bin/Configuration/net10.0).</summary>
    public static string Repository { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    public string Directory => _directory.Path;

    public string Name { get; }

    public static WovenProject Create(string name, string properties = "", string items = "")
    {
        var directory = new TempDirectory();
        File.WriteAllText(directory.File(name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <_RustScopeWeaverAssembly>{Repository}/src/Profiling.Weaver/bin/{Configuration}/net10.0/RustScope.Profiling.Weaver.dll</_RustScopeWeaverAssembly>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Repository}/src/Profiling/bin/{Configuration}/net10.0/RustScope.Profiling.dll" />
                {items}
              </ItemGroup>
              <Import Project="{Repository}/src/Profiling/build/RustScope.Profiling.targets" />
            </Project>
            """);
        return new WovenProject(directory, name);
    }

    /// <summary>Builds the project; returns the exit code and everything the build printed.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync(string configuration, params string[] properties) =>
        RunAsync("dotnet", ["build", Directory, "-c", configuration, "-nodeReuse:false", "-nologo", "-v:q", .. properties.Select(p => "-p:" + p)]);

    /// <summary>The built assembly of a configuration.</summary>
    public string OutputOf(string configuration) => Path.Combine(Directory, "bin", configuration, "net10.0", Name + ".dll");

    /// <summary>Runs a command to its end; returns its exit code and its standard output followed by its standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = FixtureProcess.Start(startInfo);
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync();
        return (process.ExitCode, new StringBuilder(output).Append(await error).ToString());
    }

    public void Dispose() => _directory.Dispose();
}
