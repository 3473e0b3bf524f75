using System.Text.Json;
using RustScope.Cli.Tests.Infrastructure;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests.EndToEnd;

/// <summary>
/// RustScope.Profiling as a user gets it: a PackageReference restored from the packed feed, a [Profile] method woven by
/// the package's own build targets during a real <c>dotnet build</c>, and the session the app writes at exit.
/// </summary>
public sealed class ProfilingPackageTests : IDisposable
{
    private const int Calls = 7;

    private readonly TempDirectory _temp = new();

    public ProfilingPackageTests()
    {
        PackageFeed.WriteNuGetConfig(_temp.Path);
        File.WriteAllText(_temp.File("Pricing.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RustScope.Profiling" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(_temp.File("Program.cs"), $$"""
            using RustScope.Profiling;

            var total = 0L;
            for (var order = 0; order < {{Calls}}; order++)
            {
                total += Pricing.Tariff.Price(order);
            }

            Console.WriteLine(total);

            namespace Pricing
            {
                public static class Tariff
                {
                    [Profile]
                    public static long Price(int order) => (long)order * order + 1;
                }
            }
            """);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_Profile_method_of_an_app_built_against_the_package_is_in_the_session_it_writes()
    {
        var (built, buildOutput) = await Dotnet("build", "-f", "net10.0", "-c", "Release", "-nodeReuse:false", "-nologo", "-v:m", Binlog("build"));
        Assert.True(built == 0, buildOutput);

        var session = _temp.File("session.json");
        var (ran, runOutput) = await DotnetCommand.RunAsync(_temp.Path, new Dictionary<string, string> { ["RUSTSCOPE_SESSION_OUT"] = session },
            "dotnet", _temp.File("bin/Release/net10.0/Pricing.dll"));

        Assert.True(ran == 0, runOutput);
        await AssertProfiledAsync(session);
    }

    [Fact]
    public async Task The_package_s_net8_build_weaves_and_runs_on_the_dotnet_8_runtime()
    {
        // Self-contained, so the .NET 8 runtime comes from NuGet's runtime pack and no shared .NET 8 install is needed.
        var publish = _temp.File("net8");
        var (published, publishOutput) = await Dotnet("publish", "-f", "net8.0", "-r", "linux-x64", "--self-contained", "-c", "Release",
            "-nodeReuse:false", "-nologo", "-v:m", "-o", publish, Binlog("publish-net8"));
        Assert.True(published == 0, publishOutput);
        Assert.StartsWith("8.", System.Diagnostics.FileVersionInfo.GetVersionInfo(Path.Combine(publish, "System.Private.CoreLib.dll")).ProductVersion, StringComparison.Ordinal);

        var session = _temp.File("session-net8.json");
        var (ran, runOutput) = await DotnetCommand.RunAsync(_temp.Path, new Dictionary<string, string> { ["RUSTSCOPE_SESSION_OUT"] = session },
            Path.Combine(publish, "Pricing"));

        Assert.True(ran == 0, runOutput);
        await AssertProfiledAsync(session);
    }

    [Fact]
    public async Task Visual_Studio_s_msbuild_is_given_the_netstandard_task_which_weaves_as_the_net10_one_does()
    {
        var (restored, restoreOutput) = await Dotnet("restore", "-nodeReuse:false", Binlog("restore"));
        Assert.True(restored == 0, restoreOutput);

        // MSBuildRuntimeType is reserved (MSB4177 if set): the targets read it through a copy that can be.
        Assert.Equal(Path.Combine("tasks", "net10.0", "RustScope.Profiling.Weaver.dll"), await WeaverTaskAsync());
        Assert.Equal(Path.Combine("tasks", "netstandard2.0", "RustScope.Profiling.Weaver.dll"), await WeaverTaskAsync("-p:_RustScopeMSBuildRuntimeType=Full"));

        var (built, buildOutput) = await Dotnet("build", "-f", "net10.0", "-c", "Release", "-p:_RustScopeMSBuildRuntimeType=Full", "-nodeReuse:false", "-nologo", "-v:m", Binlog("build-netstandard-task"));
        Assert.True(built == 0, buildOutput);
        var session = _temp.File("session-netstandard-task.json");
        var (ran, runOutput) = await DotnetCommand.RunAsync(_temp.Path, new Dictionary<string, string> { ["RUSTSCOPE_SESSION_OUT"] = session },
            "dotnet", _temp.File("bin/Release/net10.0/Pricing.dll"));

        Assert.True(ran == 0, runOutput);
        await AssertProfiledAsync(session);
    }

    /// <summary>The weaver task the package's targets load, relative to the restored package, after checking it is there.</summary>
    private async Task<string> WeaverTaskAsync(params string[] properties)
    {
        var (exitCode, output) = await Dotnet(["msbuild", "-p:TargetFramework=net10.0", "-getProperty:_RustScopeWeaverAssembly", .. properties]);
        Assert.True(exitCode == 0, output);
        var task = Path.GetFullPath(output.Trim());
        Assert.True(File.Exists(task), $"the targets load {task}, which the package does not have");
        var package = Path.Combine(_temp.File("nuget-packages"), "rustscope.profiling", PackageFeed.Version);
        return Path.GetRelativePath(package, task);
    }

    private Task<(int ExitCode, string Output)> Dotnet(params string[] arguments) =>
        DotnetCommand.RunAsync(_temp.Path, PackageFeed.IsolatedEnvironment(_temp.File("nuget-packages")), "dotnet", arguments);

    private static string Binlog(string step)
    {
        var binlogs = Path.Combine(Repository.Root, "artifacts", "binlogs");
        Directory.CreateDirectory(binlogs);
        return $"-bl:{Path.Combine(binlogs, $"{nameof(ProfilingPackageTests)}-{step}.binlog")}";
    }

    private static async Task AssertProfiledAsync(string session)
    {
        Assert.True(File.Exists(session), $"the app wrote no session to {session}");
        var text = await File.ReadAllTextAsync(session);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "profile-session.v1.schema.json"));
        Assert.Empty(schema.Validate(text).Select(e => e.ToString()));
        using var json = JsonDocument.Parse(text);
        var functions = json.RootElement.GetProperty("functions").EnumerateArray().ToList();
        var price = Assert.Single(functions, f => f.GetProperty("name").GetString() == "Pricing.Tariff.Price");
        Assert.Equal(Calls, price.GetProperty("calls").GetInt64());
        Assert.Equal("instrumented", price.GetProperty("source").GetString());
    }
}
