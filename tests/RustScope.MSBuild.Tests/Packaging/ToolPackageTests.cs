using RustScope.Cli.Tests.Infrastructure;
using RustScope.MSBuild.Tests.Infrastructure;

namespace RustScope.MSBuild.Tests.Packaging;

/// <summary>The packed packages, installed and inspected the way users and nuget.org see them.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_cli_package_installs_as_a_dotnet_tool_named_rustscope()
    {
        var tools = _temp.File("tools");
        var environment = PackageFeed.IsolatedEnvironment(_temp.File("nuget-packages"));
        PackageFeed.WriteNuGetConfig(_temp.Path);

        var (installed, installOutput) = await DotnetCommand.RunAsync(_temp.Path, environment, "dotnet",
            "tool", "install", "--tool-path", tools, "--add-source", PackageFeed.Directory, "--version", PackageFeed.Version, "RustScope.Cli");
        Assert.True(installed == 0, installOutput);

        var (exitCode, output) = await DotnetCommand.RunAsync(_temp.Path, environment, Path.Combine(tools, "rustscope"), "--version");

        Assert.True(exitCode == 0, output);
        Assert.StartsWith(PackageFeed.Version, output.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RustScope.Cli")]
    [InlineData("RustScope.Core")]
    [InlineData("RustScope.Reporters")]
    [InlineData("RustScope.MSBuild")]
    public void Every_package_carries_its_description_license_readme_and_commit(string id)
    {
        var nuspec = NuSpec.Read(Path.Combine(PackageFeed.Directory, $"{id}.{PackageFeed.Version}.nupkg"));

        Assert.Equal(id, nuspec.Value("id"));
        Assert.False(string.IsNullOrWhiteSpace(nuspec.Value("description")));
        Assert.Equal(("expression", "MIT"), (nuspec.Attribute("license", "type"), nuspec.Value("license")));
        Assert.Equal("README.md", nuspec.Value("readme"));
        Assert.Matches("^[0-9a-f]{40}$", nuspec.Attribute("repository", "commit"));
        Assert.Contains("README.md", nuspec.Files);
    }

    [Fact]
    public void The_msbuild_package_carries_its_targets_task_and_cli_but_no_msbuild_assemblies()
    {
        var files = NuSpec.Read(Path.Combine(PackageFeed.Directory, $"RustScope.MSBuild.{PackageFeed.Version}.nupkg")).Files;

        Assert.Contains("build/RustScope.MSBuild.props", files);
        Assert.Contains("build/RustScope.MSBuild.targets", files);
        Assert.Contains("tasks/net10.0/RustScope.MSBuild.dll", files);
        Assert.Contains("tools/net10.0/any/rustscope.dll", files);
        Assert.Contains("tools/net10.0/any/rustscope.runtimeconfig.json", files);
        Assert.DoesNotContain(files, f => f.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal));
    }
}
