using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.Profiling.Tests.Weaving;

/// <summary>
/// A project in a scratch directory built by the real <c>dotnet build</c> against this repository's RustScope.Profiling
/// and its weaver task (the package's targets file, imported as the package imports it), then run.
/// </summary>
internal sealed class WovenProject
{
    /// <summary>The repository root (tests run from tests/X/bin/Configuration/net10.0).</summary>
    public static string Repository { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>Writes <c>name/name.csproj</c> under <paramref name="root"/> with <paramref name="sources"/> beside it.</summary>
    public WovenProject(string root, string name, string outputType, IReadOnlyDictionary<string, string> sources, string extraProjectXml = "")
    {
        Name = name;
        Directory = Path.Combine(root, name);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, $"{name}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <_RustScopeWeaverAssembly>{Repository}/src/Profiling.Weaver/bin/{Configuration}/net10.0/RustScope.Profiling.Weaver.dll</_RustScopeWeaverAssembly>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Repository}/src/Profiling/bin/{Configuration}/net10.0/RustScope.Profiling.dll" />
              </ItemGroup>
              {extraProjectXml}
              <Import Project="{Repository}/src/Profiling/build/RustScope.Profiling.targets" />
            </Project>
            """);
        foreach (var (file, text) in sources)
        {
            File.WriteAllText(Path.Combine(Directory, file), text);
        }
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The built assembly in bin/, the one that runs (Debug).</summary>
    public string Output => OutputOf("Debug");

    /// <summary>The compiler's (and the weaver's) assembly in obj/.</summary>
    public string Intermediate => Path.Combine(Directory, "obj", "Debug", "net10.0", $"{Name}.dll");

    /// <summary>The built assembly in bin/ of a configuration.</summary>
    public string OutputOf(string configuration) => Path.Combine(Directory, "bin", configuration, "net10.0", $"{Name}.dll");

    /// <summary>Whether an assembly calls into the profiler: the woven code is the only caller of ProfilerRuntime.</summary>
    public static bool IsWoven(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeReferences.Any(t => metadata.GetString(metadata.GetTypeReference(t).Name) == "ProfilerRuntime");
    }

    /// <summary><c>dotnet build</c> of this project with <paramref name="arguments"/>; its binary log is kept in artifacts/binlogs.</summary>
    public Task<(int ExitCode, string Output)> BuildAsync(string step, params string[] arguments)
    {
        var binlogs = System.IO.Directory.CreateDirectory(Path.Combine(Repository, "artifacts", "binlogs")).FullName;
        return DotnetCommand.RunAsync(Directory, new Dictionary<string, string>(), "dotnet",
            ["build", "-nodeReuse:false", "-nologo", "-v:n", $"-bl:{Path.Combine(binlogs, $"Weaving-{Name}-{step}.binlog")}", .. arguments]);
    }

    /// <summary>Runs the app built in <paramref name="configuration"/> with <paramref name="environment"/>.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, string configuration = "Debug") =>
        DotnetCommand.RunAsync(Directory, environment, "dotnet", OutputOf(configuration));
}
