using System.Diagnostics;
using RustScope.Cli.Tests.Infrastructure;

namespace RustScope.Profiling.Tests;

/// <summary>A real `dotnet build` of a project with a method [Profile] cannot measure.</summary>
public sealed class WeaverBuildTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rustscope-weaver-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Unsupported_methods_are_build_errors_at_their_source_lines()
    {
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        await File.WriteAllTextAsync(Path.Combine(_directory, "Broken.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <_RustScopeWeaverAssembly>{repository}/src/Profiling.Weaver/bin/{configuration}/net10.0/RustScope.Profiling.Weaver.dll</_RustScopeWeaverAssembly>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{repository}/src/Profiling/bin/{configuration}/net10.0/RustScope.Profiling.dll" />
              </ItemGroup>
              <Import Project="{repository}/src/Profiling/build/RustScope.Profiling.targets" />
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(_directory, "Broken.cs"), """
            using RustScope.Profiling;

            public static class Broken
            {
                [Profile]
                public static async void FireAndForget()
                {
                    await System.Threading.Tasks.Task.Yield();
                }

                [Profile]
                public static System.Collections.Generic.IEnumerable<int> Numbers()
                {
                    yield return 1;
                }
            }

            public abstract class Shape
            {
                [Profile]
                public abstract double Area();
            }
            """);
        var build = new ProcessStartInfo("dotnet", ["build", _directory, "-nodeReuse:false", "-nologo", "-v:q", $"-bl:{Path.Combine(_directory, "build.binlog")}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = FixtureProcess.Start(build);
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Broken.cs(7,5): RustScope error RSP001", output, StringComparison.Ordinal);
        Assert.Contains("error RSP001: [Profile] cannot measure Broken.FireAndForget: async void methods cannot be awaited", output, StringComparison.Ordinal);
        Assert.Contains("Broken.cs(13,5): RustScope error RSP001: [Profile] cannot measure Broken.Numbers: iterators run lazily", output, StringComparison.Ordinal);
        Assert.Contains("error RSP001: [Profile] cannot measure Shape.Area: it has no body (abstract, extern or a P/Invoke)", output, StringComparison.Ordinal);
    }
}
